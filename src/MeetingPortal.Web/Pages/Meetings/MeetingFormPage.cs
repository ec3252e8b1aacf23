using System.Globalization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// What Create and Edit share: the form, its options, and the row buttons (add, remove, move),
/// which post the whole form back so nothing typed is lost and no JavaScript is needed. With scripts on (ADR 0022) the
/// same buttons post through htmx to the same handler, which answers with the form alone to be swapped in place, and
/// each field is checked as typed by the Check handler (<see cref="CheckFieldAsync"/>).
/// </summary>
public abstract partial class MeetingFormPage(
    MeetingPortalDbContext db, MeetingChoices choices, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Save = "save";
    public const string Publish = "publish";

    /// <summary>The prefix of the form's fields ("Input.Title"...), where messages go.</summary>
    public const string FormPrefix = "Input";

    [Microsoft.AspNetCore.Mvc.BindProperty]
    public MeetingForm Input { get; set; } = new();

    public KnownNames Known { get; private set; } = KnownNames.None;

    /// <summary>The lines offered for the report on earlier recommendations, for the form's unit and day (issue 18, deliver 6).</summary>
    public IReadOnlyList<CarriedOverOption> CarriedOverOptions { get; private set; } = [];

    /// <summary>The meeting being edited (null on Create): its own report lines come first and its recommendations are not offered.</summary>
    protected virtual int? EditedMeetingId => null;

    /// <summary>
    /// Set for a new form and by the "take the list again" button: the list is drawn again for the form's unit and day, a
    /// line the form did not show before is chosen, and a line it showed keeps the recorder's choice.
    /// </summary>
    protected bool RedrawCarriedOver { get; set; }

    public IReadOnlyList<(int Id, string Label)> UnitOptions { get; private set; } = [];

    /// <summary>The id of the field to focus after a row button, so keyboard users stay where they were.</summary>
    public string? FocusId { get; private set; }

    public bool IsPublished { get; protected set; }

    public IReadOnlyList<ConflictChange> Conflict { get; protected set; } = [];

    protected MeetingPortalDbContext Db => db;

    protected IStringLocalizer<SharedResource> Localizer => localizer;

    protected IAuthorizationService Authorization => authorization;

    /// <summary>Whether the user writes records at all (their own unit is asked): the form is not shown to others.</summary>
    protected Task<bool> MayWriteRecordsAsync() =>
        User.GetScope() is { } scope
            ? authorization.MayAsync(User, new MeetingResource(scope.Path), MeetingOperations.Create)
            : Task.FromResult(false);

    /// <summary>
    /// The units and the names the form suggests. The names are those of the chosen unit only if the user may
    /// write records there; a posted unit id of another unit shows nothing of it.
    /// </summary>
    protected async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        UnitOptions = await MeetingPortal.Application.Units.UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Known = await choices.ForUserAsync(User, Input.UnitId ?? scope.UnitId, cancellationToken);
        CarriedOverOptions = await choices.CarriedOverForUserAsync(User, Input.UnitId, Input.HeldOn, EditedMeetingId, cancellationToken);
        if (RedrawCarriedOver)
        {
            Input.CarriedOver = CarriedOverOptions.Select(o => o.RecommendationId)
                .Where(id => !Input.CarriedOverShown.Contains(id) || Input.CarriedOver.Contains(id)).ToList();
        }
        ownOrganisations = await OwnOrganisationNamesAsync(cancellationToken);
    }

    private IReadOnlyCollection<string> ownOrganisations = [];

    /// <summary>
    /// The bodies the record being edited names already, which the save resolves even when the unit does not know them (a
    /// retired unit's): never offered a kind. None for a new record.
    /// </summary>
    protected virtual Task<IReadOnlyCollection<string>> OwnOrganisationNamesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([]);

    /// <summary>Puts a use case's messages beside their fields and shows the form again, everything typed kept.</summary>
    protected async Task<IActionResult> ShowAgainAsync(SaveMeetingResult saved, CancellationToken cancellationToken)
    {
        saved.Result.AddTo(ModelState, FormPrefix);
        GatherPeriodMessages();

        if (saved.Result.Status == UseCaseStatus.Stale && saved.CurrentVersion is { } current)
        {
            Conflict = saved.Conflict;
            // Saving again now deliberately replaces the other user's version with this one.
            Input.Version = current;
            ModelState.Remove($"{FormPrefix}.{nameof(MeetingForm.Version)}");
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>The keys whose messages belong beside the one period choice: the choice and the three fields it writes.</summary>
    private static readonly string[] PeriodKeys =
        [nameof(MeetingForm.Period), nameof(MeetingForm.PeriodKind), nameof(MeetingForm.PeriodYear), nameof(MeetingForm.PeriodNumber)];

    /// <summary>
    /// The periods offered by the one choice, by year: the meeting's year (or this year) and the years either side, each
    /// with its quarters, halves, nine months and whole year in calendar order ("Quý I/2026", "6 tháng đầu năm 2026" …);
    /// the form's own period is offered too when it is none of these (a month, "7 tháng đầu năm").
    /// </summary>
    public IReadOnlyList<(int Year, IReadOnlyList<(string Value, string Label)> Periods)> PeriodChoices()
    {
        var middle = Input.HeldOn?.Year ?? DateTime.UtcNow.Year;
        var years = Enumerable.Range(middle - 1, 3).Where(ReviewPeriod.IsValidYear).ToList();
        var periods = years.SelectMany(year => new[]
        {
            new ReviewPeriod(PeriodKind.Quarter, year, 1), new ReviewPeriod(PeriodKind.Quarter, year, 2), new ReviewPeriod(PeriodKind.HalfYear, year, 1),
            new ReviewPeriod(PeriodKind.Quarter, year, 3), new ReviewPeriod(PeriodKind.FirstMonths, year, 9), new ReviewPeriod(PeriodKind.Quarter, year, 4),
            new ReviewPeriod(PeriodKind.HalfYear, year, 2), new ReviewPeriod(PeriodKind.Year, year, 1),
        }).ToList();
        if (Input.PeriodKind is { } kind && Input.PeriodYear is { } y && Input.PeriodNumber is { } n && ReviewPeriod.IsValid(kind, y, n)
            && !periods.Contains(new ReviewPeriod(kind, y, n)))
        {
            periods.Insert(0, new ReviewPeriod(kind, y, n));
        }

        return periods.GroupBy(p => p.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<(string, string)>)g.Select(p => (
                string.Create(CultureInfo.InvariantCulture, $"{p.Kind}-{p.Year}-{p.Number}"), MeetingPortal.Application.Reports.PeriodNames.Name(localizer, p))).ToList()))
            .ToList();
    }

    /// <summary>Moves the messages of the period's three fields beside the one choice that writes them, and into the summary's link to it.</summary>
    private void GatherPeriodMessages()
    {
        var target = $"{FormPrefix}.{nameof(MeetingForm.Period)}";
        foreach (var key in PeriodKeys.Skip(1).Select(k => $"{FormPrefix}.{k}"))
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
                ModelState.Remove(key);
                messages.ForEach(m => ModelState.AddModelError(target, m));
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> is an organisation neither known in the unit (and the units above), nor named by the
    /// record being edited, nor listed among this meeting's organisations, matched as the save matches names
    /// (<see cref="MeetingForm.NameKey"/>): the form then offers its kind beside the field (issue 17, item 2).
    /// </summary>
    public bool IsNewOrganisation(string? name) =>
        !string.IsNullOrWhiteSpace(name) && MeetingForm.NameKey(name) is var key
        && !Known.Organisations.Any(o => MeetingForm.NameKey(o.Name) == key)
        && !ownOrganisations.Any(o => MeetingForm.NameKey(o) == key)
        && !Input.Organisations.Any(o => MeetingForm.NameKey(o.Name) == key);

    private Dictionary<string, OrganisationOffer>? offers;

    /// <summary>
    /// The offer of a kind beside the organisation field whose element id is <paramref name="fieldId"/> ("host",
    /// "participant-0-org", "speech-0-org", "speech-0-rec-1-raised-by", "speech-0-rec-1-addressed-to",
    /// "directive-0-assignees"): each name in it that is new (<see cref="IsNewOrganisation"/>) and not already offered
    /// beside an earlier field of the form, with the kind chosen for it in the post, if any. Empty when there is none;
    /// the view draws the container either way so that a field's check can fill or clear it out of band.
    /// </summary>
    public OrganisationOffer OfferBeside(string fieldId)
    {
        offers ??= Offers();
        return offers.TryGetValue(fieldId, out var offer) ? offer : new OrganisationOffer(fieldId, [], null);
    }

    /// <summary>Every organisation field's offer, in the form's order, computed once the names known in the unit are loaded.</summary>
    private Dictionary<string, OrganisationOffer> Offers()
    {
        var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, OrganisationOffer>(StringComparer.Ordinal);
        foreach (var field in Input.OrganisationNames().GroupBy(n => n.Field))
        {
            if (OrganisationFieldId(field.Key) is not { } fieldId)
            {
                continue;
            }

            var speech = SpeechOrganisation().Match(field.Key) is { Success: true } m ? Input.Speeches[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] : null;
            var names = field.Where(n => IsNewOrganisation(n.Name) && offered.Add(MeetingForm.NameKey(n.Name)))
                .Select(n => new OfferedName(
                    field.Key.StartsWith(nameof(MeetingForm.Directives), StringComparison.Ordinal) ? string.Create(CultureInfo.InvariantCulture, $"{fieldId}-{n.Place}") : fieldId,
                    n.Name,
                    speech?.OrganisationKind ?? ChosenKind(n.Name)))
                .ToList();
            result[fieldId] = new OrganisationOffer(fieldId, names, speech is null ? null : $"{FormPrefix}.{field.Key}Kind");
        }

        return result;
    }

    /// <summary>The kind posted for <paramref name="name"/> beside any field (a speech's or another), so that it follows the offer when the offer moves.</summary>
    private OrganisationKind? ChosenKind(string name) =>
        Input.NewOrganisations.FirstOrDefault(n => n.Kind is not null && MeetingForm.NameKey(n.Name) == MeetingForm.NameKey(name))?.Kind
        ?? Input.Speeches.FirstOrDefault(s => s.OrganisationKind is not null && MeetingForm.NameKey(s.Organisation) == MeetingForm.NameKey(name))?.OrganisationKind;

    /// <summary>
    /// The element id of an organisation field named as <see cref="MeetingForm.OrganisationNames"/> names it ("Host",
    /// "Speeches[0].Recommendations[1].RaisedBy"), as _MeetingForm draws it; null for any other field.
    /// </summary>
    private static string? OrganisationFieldId(string field)
    {
        if (field == nameof(MeetingForm.Host))
        {
            return "host";
        }

        var m = OrganisationField().Match(field);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["list"].Value switch
        {
            nameof(MeetingForm.Participants) => $"participant-{m.Groups["i"].Value}-org",
            nameof(MeetingForm.Directives) => $"directive-{m.Groups["i"].Value}-assignees",
            _ when m.Groups["j"].Success => $"speech-{m.Groups["i"].Value}-rec-{m.Groups["j"].Value}-{(m.Groups["field"].Value == nameof(MeetingForm.RecommendationRow.RaisedBy) ? "raised-by" : "addressed-to")}",
            _ => $"speech-{m.Groups["i"].Value}-org",
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?<list>Participants)\[(?<i>\d{1,3})\]\.(?<field>Organisation)|(?<list>Speeches)\[(?<i>\d{1,3})\]\.(?:(?<field>Organisation)|Recommendations\[(?<j>\d{1,3})\]\.(?<field>RaisedBy|AddressedTo))|(?<list>Directives)\[(?<i>\d{1,3})\]\.(?<field>Assignees))$")]
    private static partial System.Text.RegularExpressions.Regex OrganisationField();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Speeches\[(\d{1,3})\]\.Organisation$")]
    private static partial System.Text.RegularExpressions.Regex SpeechOrganisation();

    /// <summary>Whether htmx sent the request (its "HX-Request: true" header): the quick entry with scripts on (ADR 0022).</summary>
    protected bool FromScript => Request.Headers["HX-Request"] == "true";

    /// <summary>
    /// The form shown again after a row button: the whole page without scripts, the form alone for htmx to swap in place.
    /// Both are the one partial, bound and rendered the same way.
    /// </summary>
    protected IActionResult FormAgain() => FromScript ? Partial("_MeetingForm", this) : Page();

    /// <summary>
    /// The names offered as speakers: the participants typed in this form first (in their order), then the people known
    /// in the unit, each once.
    /// </summary>
    public static IReadOnlyList<string> SpeakerNames(MeetingForm form, KnownNames known) =>
        form.Participants.Select(p => p.FullName?.Trim()).OfType<string>().Where(n => n.Length > 0)
            .Concat(known.People.Select(p => p.Name))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Checks one field of the posted form as the save would (the draft's rules of the form's validator, and the value's
    /// own reading, as "25:99" for a time) and answers its first message, or nothing. After a participant's name the
    /// speakers offered are sent afresh. Reads only; the caller has already asked whether the user may write the record.
    /// </summary>
    /// <param name="field">The field's posted name ("Input.Speeches[1].Content"); another name answers nothing.</param>
    protected async Task<IActionResult> CheckFieldAsync(string? field, SaveMeeting saveMeeting, CancellationToken cancellationToken)
    {
        var message = field is null ? null : ModelState.ErrorFor(field);
        if (message is null && field is not null && field.StartsWith(FormPrefix + ".", StringComparison.Ordinal))
        {
            var errors = await saveMeeting.CheckAsync(Input, publish: false, cancellationToken);
            // The one period choice answers for the three fields it writes.
            var keys = field == $"{FormPrefix}.{nameof(MeetingForm.Period)}" ? PeriodKeys : [field[(FormPrefix.Length + 1)..]];
            message = errors.FirstOrDefault(e => keys.Contains(e.Field))?.Message;
        }

        IReadOnlyList<string>? speakers = null;
        if (field is not null && field.StartsWith($"{FormPrefix}.{nameof(MeetingForm.Participants)}[", StringComparison.Ordinal)
            && field.EndsWith($".{nameof(MeetingForm.ParticipantRow.FullName)}", StringComparison.Ordinal))
        {
            await LoadOptionsAsync(cancellationToken);
            speakers = SpeakerNames(Input, Known);
        }

        // After any organisation field, every field's offer is answered afresh: a name typed in one field may move the
        // offer of the same name from another (it is offered once, beside the first field naming it).
        IReadOnlyList<OrganisationOffer>? offersNow = null;
        if (field is not null && field.StartsWith(FormPrefix + ".", StringComparison.Ordinal) && OrganisationFieldId(field[(FormPrefix.Length + 1)..]) is not null)
        {
            await LoadOptionsAsync(cancellationToken);
            offersNow = AllOffers();
        }

        // After the meeting's date, the periods offered follow its year, the chosen one kept.
        var periods = field == $"{FormPrefix}.{nameof(MeetingForm.HeldOn)}" || field == $"{FormPrefix}.{nameof(MeetingForm.Period)}"
            ? new PeriodOptions(PeriodChoices(), Input.Period) : null;

        return Partial("_FieldCheck", new FieldCheck(message, speakers, offersNow, periods));
    }

    /// <summary>The offers beside every organisation field of the form drawn now, those without a new name included (so that they clear).</summary>
    private List<OrganisationOffer> AllOffers()
    {
        offers ??= Offers();
        var ids = new List<string> { "host" };
        ids.AddRange(Enumerable.Range(0, Input.Participants.Count).Select(i => $"participant-{i}-org"));
        for (var i = 0; i < Input.Speeches.Count; i++)
        {
            ids.Add($"speech-{i}-org");
            for (var j = 0; j < Input.Speeches[i].Recommendations.Count; j++)
            {
                ids.Add($"speech-{i}-rec-{j}-raised-by");
                ids.Add($"speech-{i}-rec-{j}-addressed-to");
            }
        }

        ids.AddRange(Enumerable.Range(0, Input.Directives.Count).Select(i => $"directive-{i}-assignees"));
        return ids.Select(OfferBeside).ToList();
    }

    /// <summary>Applies a row button to the posted form. Returns false for "save" and "publish".</summary>
    protected bool ApplyRowOperation(string? op)
    {
        var parts = (op ?? Save).Split(':');
        int Arg(int i) => parts.Length > i && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        bool Valid<T>(List<T> list, int i) => i >= 0 && i < list.Count;
        var speeches = Input.Speeches;
        switch (parts[0])
        {
            case "carried-refresh":
                RedrawCarriedOver = true;
                FocusId = "carried-refresh";
                break;
            case "add-org":
                Input.Organisations.Add(new MeetingForm.OrganisationRow());
                FocusId = $"org-{Input.Organisations.Count - 1}-name";
                break;
            case "remove-org" when Valid(Input.Organisations, Arg(1)):
                Input.Organisations.RemoveAt(Arg(1));
                FocusId = "add-org";
                break;
            case "add-participant":
                Input.Participants.Add(new MeetingForm.ParticipantRow());
                FocusId = $"participant-{Input.Participants.Count - 1}-name";
                break;
            case "remove-participant" when Valid(Input.Participants, Arg(1)):
                Input.Participants.RemoveAt(Arg(1));
                FocusId = "add-participant";
                break;
            case "add-group":
                Input.Groups.Add(new MeetingForm.GroupRow());
                FocusId = $"group-{Input.Groups.Count - 1}-name";
                break;
            case "remove-group" when Valid(Input.Groups, Arg(1)):
                Input.Groups.RemoveAt(Arg(1));
                FocusId = "add-group";
                break;
            case "up-group" when Valid(Input.Groups, Arg(1)) && Arg(1) > 0:
                (Input.Groups[Arg(1) - 1], Input.Groups[Arg(1)]) = (Input.Groups[Arg(1)], Input.Groups[Arg(1) - 1]);
                FocusId = $"group-{Arg(1) - 1}-up";
                break;
            case "down-group" when Valid(Input.Groups, Arg(1)) && Arg(1) < Input.Groups.Count - 1:
                (Input.Groups[Arg(1)], Input.Groups[Arg(1) + 1]) = (Input.Groups[Arg(1) + 1], Input.Groups[Arg(1)]);
                FocusId = $"group-{Arg(1) + 1}-down";
                break;
            case "add-speech":
                speeches.Add(new MeetingForm.SpeechRow { Order = (speeches.Max(s => s.Order) ?? 0) + 1 });
                FocusId = $"speech-{speeches.Count - 1}-kind";
                break;
            case "remove-speech" when Valid(speeches, Arg(1)):
                if (speeches[Arg(1)].Recommendations.Any(r => r.ResponseCount > 0))
                {
                    ModelState.AddModelError(string.Empty, Localizer["Domain.recommendation.has-responses"]);
                    break;
                }

                speeches.RemoveAt(Arg(1));
                FocusId = "add-speech";
                break;
            case "up-speech" when Valid(speeches, Arg(1)) && Arg(1) > 0:
                Swap(Arg(1) - 1, Arg(1));
                FocusId = $"speech-{Arg(1) - 1}-up";
                break;
            case "down-speech" when Valid(speeches, Arg(1)) && Arg(1) < speeches.Count - 1:
                Swap(Arg(1), Arg(1) + 1);
                FocusId = $"speech-{Arg(1) + 1}-down";
                break;
            case "add-rec" when Valid(speeches, Arg(1)):
                var raisedBy = speeches[Arg(1)].Organisation;
                speeches[Arg(1)].Recommendations.Add(new MeetingForm.RecommendationRow { RaisedBy = raisedBy });
                FocusId = $"speech-{Arg(1)}-rec-{speeches[Arg(1)].Recommendations.Count - 1}-content";
                break;
            case "remove-rec" when Valid(speeches, Arg(1)) && Valid(speeches[Arg(1)].Recommendations, Arg(2)):
                if (speeches[Arg(1)].Recommendations[Arg(2)].ResponseCount > 0)
                {
                    ModelState.AddModelError(string.Empty, Localizer["Domain.recommendation.has-responses"]);
                    break;
                }

                speeches[Arg(1)].Recommendations.RemoveAt(Arg(2));
                FocusId = $"speech-{Arg(1)}-add-rec";
                break;
            case "add-directive":
                Input.Directives.Add(new MeetingForm.DirectiveRow());
                FocusId = $"directive-{Input.Directives.Count - 1}-content";
                break;
            case "remove-directive" when Valid(Input.Directives, Arg(1)):
                Input.Directives.RemoveAt(Arg(1));
                FocusId = "add-directive";
                break;
            case Save or Publish:
                return false;
            default:
                // An unknown or out-of-range button changes nothing.
                break;
        }

        // Messages and attempted values belong to the rows as they were; the form is shown afresh.
        var rowErrors = ModelState.Where(e => e.Key.Length == 0).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        ModelState.Clear();
        rowErrors.ForEach(e => ModelState.AddModelError(string.Empty, e));
        return true;

        void Swap(int a, int b)
        {
            (speeches[a], speeches[b]) = (speeches[b], speeches[a]);
            (speeches[a].Order, speeches[b].Order) = (speeches[b].Order, speeches[a].Order);
        }
    }
}


/// <summary>The answer of a field checked as typed (ADR 0022): its message (null when the field is fine) and what follows from the field out of band.</summary>
/// <param name="Message">The first message the save would give for the field, in the same words.</param>
/// <param name="Speakers">After a participant's name, the names to offer as speakers; else null.</param>
/// <param name="Offers">After an organisation field, the offer of a kind beside every organisation field (sent out of band); else null.</param>
/// <param name="Periods">After the meeting's date, the periods offered for its year (sent out of band); else null.</param>
public sealed record FieldCheck(string? Message, IReadOnlyList<string>? Speakers, IReadOnlyList<OrganisationOffer>? Offers = null, PeriodOptions? Periods = null);

/// <summary>The options of the one period choice and the value chosen (issue 17, item 2).</summary>
/// <param name="Choices">By year, each period's posted value ("Quarter-2026-4") and its name ("Quý IV/2026").</param>
/// <param name="Chosen">The posted value chosen, empty for none ("Không nêu").</param>
public sealed record PeriodOptions(IReadOnlyList<(int Year, IReadOnlyList<(string Value, string Label)> Periods)> Choices, string? Chosen);

/// <summary>
/// The offer of a kind beside one organisation field for each name in it new to the unit (issue 17, item 2), so that the
/// name is listed among the meeting's organisations when saved instead of refused.
/// </summary>
/// <param name="FieldId">The field's element id ("host", "speech-0-org"); the offer's container is "{FieldId}-offer".</param>
/// <param name="Names">The new names offered here, in the field's order; empty when none (the container is drawn empty).</param>
/// <param name="SpeechKindField">For a speech's organisation, the posted name of its own kind field ("Input.Speeches[0].OrganisationKind");
/// null for the other fields, whose kinds are posted in <see cref="MeetingForm.NewOrganisations"/>.</param>
public sealed record OrganisationOffer(string FieldId, IReadOnlyList<OfferedName> Names, string? SpeechKindField);

/// <summary>One new name offered its kind.</summary>
/// <param name="Key">Its key: the field's element id, or for a task's assignees "{id}-{place}"; the kind's select is "{Key}-kind".</param>
/// <param name="Name">The name as typed, trimmed.</param>
/// <param name="Kind">The kind already chosen for it, if any.</param>
public sealed record OfferedName(string Key, string Name, OrganisationKind? Kind);
