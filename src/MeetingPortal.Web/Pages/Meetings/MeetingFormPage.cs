using System.Globalization;
using FluentValidation;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// What Create and Edit share: the form, its options, and the row buttons (add, remove, move),
/// which post the whole form back so nothing typed is lost and no JavaScript is needed.
/// </summary>
public abstract class MeetingFormPage(
    MeetingPortalDbContext db, MeetingEditor editor, IValidator<MeetingForm> validator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Save = "save";
    public const string Publish = "publish";

    [Microsoft.AspNetCore.Mvc.BindProperty]
    public MeetingForm Input { get; set; } = new();

    public MeetingEditor.Known Known { get; private set; } = new([], [], []);

    public IReadOnlyList<(int Id, string Label)> UnitOptions { get; private set; } = [];

    /// <summary>The id of the field to focus after a row button, so keyboard users stay where they were.</summary>
    public string? FocusId { get; private set; }

    public bool IsPublished { get; protected set; }

    public IReadOnlyList<ConflictChange> Conflict { get; protected set; } = [];

    public sealed record ConflictChange(string? UserName, DateTime AtUtc, FieldChange Change);

    protected MeetingPortalDbContext Db => db;

    protected MeetingEditor Editor => editor;

    protected bool MayEdit => User.IsInRole(Roles.Recorder) || User.IsInRole(Roles.Administrator);

    protected async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        UnitOptions = await Infrastructure.UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Known = await editor.KnownAsync(Input.UnitId ?? scope.UnitId, cancellationToken);
    }

    protected async Task<bool> UnitInScopeAsync(int? unitId, CancellationToken cancellationToken) =>
        unitId is { } id && await MeetingPortal.Web.Infrastructure.UnitOptions.PathTakingRecordsAsync(db, User.GetScopeOrNone(), id, cancellationToken) is not null;

    /// <summary>Validates for a draft, or for publishing; failures go beside their fields.</summary>
    protected async Task<bool> ValidateAsync(string op, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Input, options =>
        {
            if (op == Publish)
            {
                options.IncludeRuleSets(MeetingForm.Validator.PublishRuleSet).IncludeRulesNotInRuleSet();
            }
        }, cancellationToken);
        result.AddTo(ModelState, MeetingEditor.FormPrefix);
        if (!await UnitInScopeAsync(Input.UnitId, cancellationToken) && Input.UnitId is not null)
        {
            ModelState.AddModelError($"{MeetingEditor.FormPrefix}.{nameof(MeetingForm.UnitId)}", Localizer["Form.UnitOutOfScope"]);
        }

        return ModelState.IsValid;
    }

    protected IStringLocalizer<SharedResource> Localizer => localizer;

    /// <summary>Applies a row button to the posted form. Returns false for "save" and "publish".</summary>
    protected bool ApplyRowOperation(string? op)
    {
        var parts = (op ?? Save).Split(':');
        int Arg(int i) => parts.Length > i && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        bool Valid<T>(List<T> list, int i) => i >= 0 && i < list.Count;
        var speeches = Input.Speeches;
        switch (parts[0])
        {
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

    /// <summary>What others saved after the version this user started from, for the conflict message.</summary>
    protected async Task LoadConflictAsync(int meetingId, int sinceVersion, CancellationToken cancellationToken)
    {
        var entries = await db.History.AsNoTracking()
            .Where(h => h.EntityType == nameof(Meeting) && h.EntityId == meetingId && h.Version > sinceVersion)
            .OrderBy(h => h.AtUtc).ToListAsync(cancellationToken);
        Conflict = entries.SelectMany(h => AuditTrail.ReadChanges(h.Changes).Select(c => new ConflictChange(h.UserName, h.AtUtc, c))).ToList();
        ModelState.AddModelError(string.Empty, Localizer["Form.Conflict"]);
    }
}
