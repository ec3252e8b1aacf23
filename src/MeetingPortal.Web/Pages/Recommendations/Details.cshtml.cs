using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.People;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>
/// One recommendation: its answers, its history and the actions each role may take on it.
/// Trackers assign, close and reopen; the addressed body's Responder (or a Tracker for it) answers;
/// the raising side (Recorder or Tracker) judges the answer.
/// </summary>
[RequestSizeLimit(RequestLimits.AttachmentPostCeilingBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.AttachmentPostBytes)]
[PostLimitMessage("Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024)]
public sealed class DetailsModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, MeetingChoices choices,
    IStringLocalizer<SharedResource> localizer, PeopleNames peopleNames, AnswerTemplates answerTemplates) : PageModel
{
    /// <summary>The answer template chosen in the reply form ("Dùng mẫu", ADR 0025 section 4).</summary>
    [BindProperty]
    public int? TemplateId { get; set; }

    /// <summary>The answer templates the user reads, offered in the reply form when they may reply.</summary>
    public IReadOnlyList<AnswerTemplateRow> Templates { get; private set; } = [];

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    [BindProperty]
    public RespondInput Respond { get; set; } = new();

    [BindProperty]
    public ReasonInput Reason { get; set; } = new();

    [BindProperty]
    public ForwardInput Forward { get; set; } = new();

    /// <summary>The roadmap form (ADR 0025 section 3): drawn up or changed as a whole.</summary>
    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    /// <summary>A milestone reported done.</summary>
    [BindProperty]
    public DoneInput Done { get; set; } = new();

    /// <summary>The recommendation's roadmap, null when none was drawn up.</summary>
    public RoadmapView? Roadmap { get; private set; }

    /// <summary>The rows the roadmap form shows: what was posted when it comes back, else the milestones and spare blank rows.</summary>
    public IReadOnlyList<MilestoneInput> PlanRows { get; private set; } = [];

    /// <summary>Blank rows the roadmap form offers below the milestones; "add rows" offers this many more (no script needed).</summary>
    public const int SpareRows = 3;

    /// <summary>The most rows the form shows, whatever is posted.</summary>
    public const int MaxRows = Domain.Recommendations.Roadmap.MaxMilestones + SpareRows;

    public View Item { get; private set; } = null!;

    /// <summary>The people who forwarded the recommendation and made its events, by their full names.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int? WorkingDaysLeft { get; private set; }
    public IReadOnlyList<MatterRow> Matter { get; private set; } = [];
    public int MatterOutsideScope { get; private set; }
    public IReadOnlyList<MatterRow> Suggestions { get; private set; } = [];
    public bool IsLinked { get; private set; }
    public ILookup<int, (int Id, string FileName)> ResponseFiles { get; private set; } = Enumerable.Empty<(int, string)>().ToLookup(_ => 0);

    [TempData]
    public string? Status { get; set; }

    /// <summary>The action just tried, so its messages show beside its own form.</summary>
    public string? ActiveAction { get; private set; }

    /// <summary>Which actions the user's roles allow on this recommendation; the view also asks <see cref="View.State"/> what its status allows.</summary>
    public Permissions May { get; private set; } = new(false, false, false, false, false, false, false, false);

    /// <summary>
    /// The earlier recommendation a tracker chose to link this one to, shown beside it for confirmation before the link
    /// is made (issue 17, deliver 9): the suggestion's "Liên kết" opens this, the confirmation posts to
    /// <see cref="OnPostLinkAsync"/>.
    /// </summary>
    public MatterRow? LinkCandidate { get; private set; }

    /// <summary>Why the <see cref="LinkCandidate"/> cannot be linked (same meeting or an exact copy); null when it can.</summary>
    public string? LinkRefusal { get; private set; }

    /// <summary>
    /// The page; with <paramref name="link"/>, the confirmation of linking to that earlier recommendation: one the user
    /// may not see answers 404 as any unknown id does; a user who may read but not link gets 403.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(int id, int? link, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (link is not { } earlierId)
        {
            return Page();
        }

        if (!May.Link)
        {
            return Forbid();
        }

        LinkCandidate = await Rows(db.Recommendations.AsNoTracking().InScope(User.GetScopeOrNone()).Where(r => r.Id == earlierId && r.Id != id))
            .SingleOrDefaultAsync(cancellationToken);
        if (LinkCandidate is null)
        {
            return NotFound();
        }

        // A hand-typed link to a neighbour or a copy is refused here as the domain refuses it, before the confirm button.
        var pair = await db.Recommendations.AsNoTracking().Where(r => r.Id == id || r.Id == earlierId).ToListAsync(cancellationToken);
        var (current, earlier) = (pair.Single(r => r.Id == id), pair.Single(r => r.Id == earlierId));
        if (current.IsSameRaisingAs(earlier))
        {
            LinkRefusal = localizer[earlier.MeetingId == current.MeetingId ? "Domain.recommendation.link-same-meeting" : "Domain.recommendation.link-copy"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, [FromServices] AssignRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Assign", nameof(Assign), () => useCase.ExecuteAsync(User, new AssignCommand(id, Assign.Version, Assign.OrganisationId, Assign.DueOn), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRespondAsync(int id, IFormFile? responseFile, [FromServices] RespondToRecommendation useCase, CancellationToken cancellationToken)
    {
        var file = responseFile is { Length: > 0 } f ? new UploadedFile(f.FileName, f.Length, f.OpenReadStream) : null;
        var command = new RespondCommand(id, Respond.Version, Respond.Kind, Respond.RespondedOn, Respond.Content, file);
        return await ActAsync(id, "Respond", nameof(Respond), () => useCase.ExecuteAsync(User, command, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, [FromServices] CloseRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Close", nameof(Reason), () => useCase.ExecuteAsync(User, new CloseCommand(id, Reason.Version, Reason.Text), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(int id, [FromServices] ReopenRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Reopen", nameof(Reason), () => useCase.ExecuteAsync(User, new ReopenCommand(id, Reason.Version, Reason.Text), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostJudgeAsync(int id, bool satisfied, [FromServices] JudgeAnswer useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Judge", nameof(Reason), () => useCase.ExecuteAsync(User, new JudgeCommand(id, Reason.Version, satisfied, Reason.Text), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostForwardAsync(int id, [FromServices] ForwardRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Forward", nameof(Forward), () => useCase.ExecuteAsync(User, new ForwardCommand(id, Forward.Version, Forward.OrganisationId, Forward.DueOn, Forward.Reason), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(int id, [FromServices] ReturnRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Return", nameof(Reason), () => useCase.ExecuteAsync(User, new ReturnCommand(id, Reason.Version, Reason.Text), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRoadmapAsync(int id, [FromServices] PlanRoadmap useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Roadmap", nameof(Plan), () => useCase.ExecuteAsync(User, new PlanRoadmapCommand(id, Plan.Version, Plan.PlannedResolutionOn, Plan.ReportingOrganisationId,
            Plan.Milestones.Take(MaxRows).Select(m => new MilestoneRow(m.Id, m.Content, m.DueOn, m.SharePercent)).ToList()), cancellationToken), cancellationToken);

    /// <summary>"Add rows" on the roadmap form: the same form again with what was typed and <see cref="SpareRows"/> more blank rows; nothing is saved.</summary>
    public async Task<IActionResult> OnPostRoadmapRowsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!May.PlanRoadmap)
        {
            return Forbid();
        }

        // Nothing is checked yet: a value that could not be read is kept as typed and checked on save.
        ModelState.Clear();
        ActiveAction = "Roadmap";
        PlanRows = [.. Plan.Milestones.Take(MaxRows - SpareRows), .. Enumerable.Range(0, SpareRows).Select(_ => new MilestoneInput())];
        return Page();
    }

    /// <summary>
    /// "Dùng mẫu" on the reply form, without a script: the same form again with the chosen template's text as the reply and
    /// the kind and date kept; nothing is saved. A template the user may not read is said beside the choice.
    /// </summary>
    public async Task<IActionResult> OnPostUseTemplateAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!May.Respond)
        {
            return Forbid();
        }

        ModelState.Clear();
        ActiveAction = "Respond";
        if (await answerTemplates.TextForAsync(User, TemplateId, cancellationToken) is { } text)
        {
            Respond.Content = text;
        }
        else
        {
            ModelState.AddModelError(nameof(TemplateId), localizer["Template.Choose"]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int id, [FromServices] ReportMilestone useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Milestone", nameof(Done), () => useCase.ExecuteAsync(User, new ReportMilestoneCommand(id, Done.Version, Done.MilestoneId, Done.DoneOn, Done.Text), cancellationToken), cancellationToken);

    // A missing earlier id is "no such recommendation" (0 is never an id), not a field left empty: nothing is typed here.
    public async Task<IActionResult> OnPostLinkAsync(int id, int? earlierId, [FromServices] LinkRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Link", nameof(Reason), () => useCase.LinkAsync(User, new LinkCommand(id, Reason.Version, earlierId ?? 0), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnlinkAsync(int id, [FromServices] LinkRecommendation useCase, CancellationToken cancellationToken) =>
        await ActAsync(id, "Unlink", nameof(Reason), () => useCase.UnlinkAsync(User, new UnlinkCommand(id, Reason.Version), cancellationToken), cancellationToken);

    /// <summary>A value that could not be read (a date "2022-02-30") is a message beside its field, and the use case does not run.</summary>
    private async Task<IActionResult> ActAsync(int id, string form, string prefix, Func<Task<UseCaseResult>> useCase, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ActiveAction = form;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await ShowAsync(id, form, prefix, await useCase(), cancellationToken);
    }

    /// <summary>
    /// After a use case: done goes back to the page with its message; refused is 404 or 403; a refused input
    /// shows the page again with each message beside its field in the action's own form, everything typed kept.
    /// </summary>
    private async Task<IActionResult> ShowAsync(int id, string form, string prefix, UseCaseResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            Status = localizer["Action.Done." + form];
            return RedirectToPage(new { id });
        }

        if (this.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        ActiveAction = form;
        foreach (var error in result.Errors)
        {
            var key = error.Field switch
            {
                "" => string.Empty,
                RespondToRecommendation.FileField => "responseFile",
                "Note" => $"{prefix}.{nameof(ReasonInput.Text)}",
                "Reason" when prefix == nameof(Reason) => $"{prefix}.{nameof(ReasonInput.Text)}",
                _ => $"{prefix}.{error.Field}",
            };
            ModelState.AddModelError(key, error.Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.Recommendations.AsNoTracking().AsSplitQuery().Where(r => r.Id == id).Select(r => new View
        {
            Id = r.Id,
            Version = r.Version,
            ThemeId = r.ThemeId,
            RecurrenceOfId = r.RecurrenceOfId,
            Content = r.Content,
            MeetingId = r.MeetingId,
            MeetingTitle = r.Meeting!.Title,
            HeldOn = r.Meeting.HeldOn,
            MeetingStatus = r.Meeting.Status,
            UnitId = r.Meeting.UnitId,
            UnitName = r.Meeting.Unit!.Name,
            UnitPath = r.Meeting.Unit.Path,
            HeldInUnitId = r.Meeting.HeldInUnitId,
            RaisedById = r.RaisedByOrganisationId,
            RaisedBy = r.RaisedByOrganisation!.Name,
            RaisedByPerson = r.RaisedByPerson!.FullName,
            AddressedToId = r.AddressedToOrganisationId,
            AddressedTo = r.AddressedToOrganisation!.Name,
            Theme = r.Theme!.Name,
            DueOn = r.DueOn,
            Status = r.Status,
            Satisfied = r.Satisfied,
            FirstAnsweredOn = r.FirstAnsweredOn,
            LastResponseKind = r.Responses.OrderByDescending(x => x.Id).Select(x => (ResponseKind?)x.Kind).FirstOrDefault(),
            ResolvedOn = r.ResolvedOn,
            Responses = r.Responses.OrderBy(x => x.RespondedOn).ThenBy(x => x.Id)
                .Select(x => new ResponseView(x.Id, x.Kind, x.RespondedOn, x.Organisation!.Name, x.Person!.FullName, x.Content) { OrganisationId = x.OrganisationId }).ToList(),
            Hops = r.Hops.OrderBy(h => h.ForwardedAtUtc).ThenBy(h => h.Id)
                .Select(h => new HopView(
                    db.Organisations.Where(o => o.Id == h.FromOrganisationId).Select(o => o.Name).FirstOrDefault(),
                    db.Organisations.Where(o => o.Id == h.ToOrganisationId).Select(o => o.Name).First(),
                    h.DueOn, h.Reason, h.ForwardedBy, h.ForwardedAtUtc, h.ReturnReason, h.ReturnedAtUtc, h.FromOrganisationId, h.ToOrganisationId)).ToList(),
            Events = r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                .Select(e => new EventView(e.Kind, e.FromStatus, e.ToStatus, e.UserName, e.AtUtc, e.Note)).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);

        var resource = item is null ? null : new RecommendationResource(item.UnitPath, item.AddressedToId);
        if (item is null || resource is null || !await authorization.MayAsync(User, resource, RecommendationOperations.Read))
        {
            return false;
        }

        // The record part reads as on the meeting's day (ADR 0018): the unit it was held in and the raising body under
        // their names of that day. The body that answers now and the forwards are today's work: today's names.
        item.UnitName = (await NamesOnDate.UnitOnAsync(db, item.HeldInUnitId ?? item.UnitId, item.HeldOn, cancellationToken)).Name ?? item.UnitName;
        await NameAsOnTheirDaysAsync(item, cancellationToken);

        Item = item;
        await LoadRoadmapAsync(id, cancellationToken);
        resource = resource with { ReportingOrganisationId = Roadmap?.ReportingBodyId };
        People = await peopleNames.ForAsync(item.Events.Select(e => e.UserName).Concat(item.Hops.Select(h => h.ForwardedBy)), cancellationToken);
        May = new Permissions(
            await authorization.MayAsync(User, resource, RecommendationOperations.Assign),
            await authorization.MayAsync(User, resource, RecommendationOperations.Respond),
            await authorization.MayAsync(User, resource, RecommendationOperations.Forward),
            await authorization.MayAsync(User, resource, RecommendationOperations.Close),
            await authorization.MayAsync(User, resource, RecommendationOperations.Judge),
            await authorization.MayAsync(User, resource, RecommendationOperations.Link),
            await authorization.MayAsync(User, resource, RecommendationOperations.PlanRoadmap),
            await authorization.MayAsync(User, resource, RecommendationOperations.ReportMilestone));
        Templates = May.Respond ? await answerTemplates.ReadableAsync(User, cancellationToken) : [];
        Today = calendar.Today;
        var responseIds = item.Responses.Select(x => x.Id).ToList();
        ResponseFiles = (await db.Attachments.AsNoTracking().Where(a => a.ResponseId != null && responseIds.Contains(a.ResponseId.Value))
                .Select(a => new { a.Id, a.FileName, ResponseId = a.ResponseId!.Value }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ResponseId, a => (a.Id, a.FileName));
        if (item.DueOn is { } due && RecommendationStatuses.AwaitingAnswer.Contains(item.Status))
        {
            WorkingDaysLeft = (await calendar.CalendarAsync(cancellationToken)).WorkingDaysBetween(Today, due);
        }

        await LoadMatterAsync(item, cancellationToken);
        if (PlanRows.Count == 0)
        {
            // Back from a refused save: the rows as posted; else the milestones and spare blank rows.
            PlanRows = ActiveAction == "Roadmap"
                ? Plan.Milestones.Take(MaxRows).ToList()
                : [.. (Roadmap?.Milestones ?? []).Select(m => new MilestoneInput { Id = m.Id, Content = m.Content, DueOn = m.DueOn, SharePercent = m.SharePercent }),
                    .. Enumerable.Range(0, SpareRows).Select(_ => new MilestoneInput())];
        }

        Bodies = May.Assign || May.Forward || May.PlanRoadmap ? await choices.BodiesAsync(User, resource, item.UnitId, cancellationToken) : [];
        return true;
    }

    /// <summary>
    /// Every dated fact of the record under the names of its day (ADR 0018): the raising body as on the meeting's day;
    /// each answer as on the day it was given; each forward as on the day it was made; the body that holds the
    /// recommendation as on the day it received it (the last forward's day, else the meeting's), with today's name
    /// beside it when a rename came since, since "Cơ quan giải quyết" is also who answers now.
    /// </summary>
    private async Task NameAsOnTheirDaysAsync(View item, CancellationToken cancellationToken)
    {
        async Task<string?> On(int? id, DateOnly day, string? today) =>
            id is { } key ? (await NamesOnDate.OrganisationsAsync(db, [key], day, cancellationToken)).Or(key, today) : today;

        item.RaisedBy = await On(item.RaisedById, item.HeldOn, item.RaisedBy);
        var lastHop = item.Hops.LastOrDefault(h => h.ToId == item.AddressedToId && h.ReturnedAtUtc is null);
        var addressedOn = lastHop is null ? item.HeldOn : VietnamTime.DateAt(new DateTimeOffset(lastHop.ForwardedAtUtc, TimeSpan.Zero));
        item.AddressedToToday = item.AddressedTo;
        item.AddressedTo = await On(item.AddressedToId, addressedOn, item.AddressedTo);
        for (var i = 0; i < item.Responses.Count; i++)
        {
            var x = item.Responses[i];
            item.Responses[i] = x with { Organisation = await On(x.OrganisationId, x.RespondedOn, x.Organisation) };
        }

        for (var i = 0; i < item.Hops.Count; i++)
        {
            var h = item.Hops[i];
            var day = VietnamTime.DateAt(new DateTimeOffset(h.ForwardedAtUtc, TimeSpan.Zero));
            item.Hops[i] = h with { From = await On(h.FromId, day, h.From), To = await On(h.ToId, day, h.To) ?? h.To };
        }
    }

    /// <summary>The roadmap with its milestones in date order, the reporting body under today's name (it reports now).</summary>
    private async Task LoadRoadmapAsync(int id, CancellationToken cancellationToken)
    {
        Roadmap = await db.Roadmaps.AsNoTracking().Where(m => m.RecommendationId == id).Select(m => new RoadmapView
        {
            PlannedResolutionOn = m.PlannedResolutionOn,
            ReportingBodyId = m.ReportingOrganisationId,
            ReportingBody = db.Organisations.Where(o => o.Id == m.ReportingOrganisationId).Select(o => o.Name).First(),
            Milestones = m.Milestones.OrderBy(x => x.DueOn).ThenBy(x => x.SharePercent)
                .Select(x => new MilestoneView(x.Id, x.Content, x.DueOn, x.SharePercent, x.DoneOn, x.DoneNote)).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
    }

    public const int SuggestionCandidates = 500;
    public const double SuggestionThreshold = 0.12;

    /// <summary>The linked chain as the user may see it, and likely earlier matches for a tracker to link.</summary>
    private async Task LoadMatterAsync(View item, CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        var matterId = item.RecurrenceOfId ?? item.Id;
        var members = db.Recommendations.AsNoTracking().Where(r => (r.Id == matterId || r.RecurrenceOfId == matterId) && r.Id != item.Id);
        Matter = await Rows(members.InScope(scope).OrderBy(r => r.Meeting!.HeldOn)).ToListAsync(cancellationToken);
        MatterOutsideScope = await members.CountAsync(cancellationToken) - Matter.Count;
        IsLinked = item.RecurrenceOfId is not null || Matter.Count + MatterOutsideScope > 0;
        if (!May.Link)
        {
            return;
        }

        var heldOn = item.HeldOn;
        var meetingId = item.MeetingId;
        // A recurring matter is one raised again at another meeting: the other items of the same meeting are its
        // neighbours, not its recurrences, and an exact copy (the same folded text) is a duplicate entry, not a
        // raising (issue 17, deliver 9). Both are left out in the query, before the candidates are cut to a number.
        var copy = TextNormalizer.FoldForWordSearch(item.Content);
        var candidates = await db.Recommendations.AsNoTracking().InScope(scope)
            .Where(r => r.Meeting!.HeldOn <= heldOn && r.Id != item.Id && r.Id != matterId && r.RecurrenceOfId != matterId)
            .Where(r => r.MeetingId != meetingId && r.SearchText != copy)
            .OrderByDescending(r => r.ThemeId == item.ThemeId).ThenByDescending(r => r.Meeting!.HeldOn)
            .Take(SuggestionCandidates)
            .Select(r => new { r.Id, r.Content, r.ThemeId })
            .ToListAsync(cancellationToken);
        var best = candidates
            .Select(c => (c.Id, Score: TextSimilarity.Score(item.Content, c.Content) + (c.ThemeId is not null && c.ThemeId == item.ThemeId ? 0.15 : 0)))
            .Where(c => c.Score >= SuggestionThreshold)
            .OrderByDescending(c => c.Score).Take(5).Select(c => c.Id).ToList();
        var rows = await Rows(db.Recommendations.AsNoTracking().Where(r => best.Contains(r.Id))).ToListAsync(cancellationToken);
        Suggestions = rows.OrderBy(r => best.IndexOf(r.Id)).ToList();
    }

    private static IQueryable<MatterRow> Rows(IQueryable<Recommendation> query) =>
        query.Select(r => new MatterRow(r.Id, r.Content, r.Meeting!.HeldOn, r.Meeting.Unit!.Name, r.Theme!.Name, r.Status));

    public sealed record MatterRow(int Id, string Content, DateOnly HeldOn, string UnitName, string? Theme, RecommendationStatus Status);

    public sealed class View
    {
        public int Id { get; init; }
        public int Version { get; init; }
        public int? ThemeId { get; init; }
        public int? RecurrenceOfId { get; init; }
        public required string Content { get; init; }
        public int MeetingId { get; init; }
        public required string MeetingTitle { get; init; }
        public DateOnly HeldOn { get; init; }
        public MeetingStatus MeetingStatus { get; init; }
        public int UnitId { get; init; }
        /// <summary>The unit the meeting was held in, named as on the meeting's day once loaded.</summary>
        public required string UnitName { get; set; }
        public required string UnitPath { get; init; }

        /// <summary>The unit the meeting was held in when a merger moved it since (ADR 0018).</summary>
        public int? HeldInUnitId { get; init; }
        public int? RaisedById { get; init; }

        /// <summary>The raising body, named as on the meeting's day once loaded.</summary>
        public string? RaisedBy { get; set; }
        public string? RaisedByPerson { get; init; }
        public int? AddressedToId { get; init; }
        /// <summary>The body that holds it, named as on the day it received it once loaded (ADR 0018).</summary>
        public string? AddressedTo { get; set; }

        /// <summary>The same body under today's name, shown beside <see cref="AddressedTo"/> when they differ.</summary>
        public string? AddressedToToday { get; set; }
        public string? Theme { get; init; }
        public DateOnly? DueOn { get; init; }
        public RecommendationStatus Status { get; init; }
        public bool? Satisfied { get; init; }
        public DateOnly? FirstAnsweredOn { get; init; }

        /// <summary>The kind of the latest reply recorded: whether it accepts the matter (<see cref="Roadmaps.MayPlan"/>).</summary>
        public ResponseKind? LastResponseKind { get; init; }
        public DateOnly? ResolvedOn { get; init; }
        public required List<ResponseView> Responses { get; init; }
        public required List<EventView> Events { get; init; }
        public required List<HopView> Hops { get; init; }

        /// <summary>The same test as the domain's: the last forward, not yet returned, came from a body and is held by its receiver.</summary>
        public bool CanBeReturned => Hops.Count > 0 && Recommendation.IsReturnable(Hops[^1].ReturnedAtUtc is not null, Hops[^1].FromId, Hops[^1].ToId, AddressedToId);

        /// <summary>What the state machine reads, for the view to ask which actions the status allows.</summary>
        public RecommendationState State => new(Status, AddressedToId is not null, CanBeReturned, Recommendation.IsFollowedIn(MeetingStatus));
    }

    /// <summary>Which operations the user's roles allow on this recommendation (its status aside).</summary>
    public sealed record Permissions(bool Assign, bool Respond, bool Forward, bool Close, bool Judge, bool Link, bool PlanRoadmap, bool ReportMilestone);

    /// <summary>A roadmap as shown: the planned date (Vietnam date), the reporting body, the milestones in date order.</summary>
    public sealed class RoadmapView
    {
        public DateOnly PlannedResolutionOn { get; init; }
        public int ReportingBodyId { get; init; }
        public required string ReportingBody { get; init; }
        public required List<MilestoneView> Milestones { get; init; }

        /// <summary>The share reached, 0-100 % (<see cref="Roadmaps.Progress"/>).</summary>
        public int ProgressPercent => Roadmaps.Progress(Milestones.Select(m => (m.SharePercent, m.DoneOn)));

        /// <summary>Whether it is overdue on <paramref name="today"/> for a recommendation in <paramref name="status"/> (<see cref="Roadmaps.IsOverdue"/>).</summary>
        public bool IsOverdue(RecommendationStatus status, MeetingStatus meetingStatus, DateOnly today) =>
            Roadmaps.IsOverdue(status, meetingStatus, PlannedResolutionOn, Milestones.Select(m => (m.DueOn, m.DoneOn)), today);
    }

    /// <summary>A milestone as shown: its share in percent, its done date (Vietnam) and note when done.</summary>
    public sealed record MilestoneView(long Id, string Content, DateOnly DueOn, int SharePercent, DateOnly? DoneOn, string? DoneNote);

    /// <summary>The roadmap form: the planned resolution date, the reporting body and the milestone rows (blank rows are no milestone).</summary>
    public sealed class PlanInput
    {
        public int Version { get; set; }

        [Display(Name = "Roadmap.PlannedOn")]
        public DateOnly? PlannedResolutionOn { get; set; }

        [Display(Name = "Roadmap.ReportingBody")]
        public int? ReportingOrganisationId { get; set; }

        public List<MilestoneInput> Milestones { get; set; } = [];
    }

    /// <summary>One row of the roadmap form; <see cref="Id"/> names a kept milestone.</summary>
    public sealed class MilestoneInput
    {
        public long? Id { get; set; }

        [Display(Name = "Roadmap.MilestoneContent")]
        public string? Content { get; set; }

        [Display(Name = "Roadmap.MilestoneDue")]
        public DateOnly? DueOn { get; set; }

        [Display(Name = "Roadmap.MilestoneShare")]
        public int? SharePercent { get; set; }
    }

    /// <summary>A milestone reported done: which, when (today when blank) and an optional note.</summary>
    public sealed class DoneInput
    {
        public int Version { get; set; }

        public long MilestoneId { get; set; }

        [Display(Name = "Roadmap.DoneOn")]
        public DateOnly? DoneOn { get; set; }

        [Display(Name = "Roadmap.Note")]
        public string? Text { get; set; }
    }

    public sealed record HopView(
        string? From, string To, DateOnly? DueOn, string Reason, string? ForwardedBy, DateTime ForwardedAtUtc, string? ReturnReason, DateTime? ReturnedAtUtc, int? FromId, int ToId);

    public sealed class ForwardInput
    {
        public int Version { get; set; }

        [Display(Name = "Action.ForwardTo")]
        public int? OrganisationId { get; set; }

        [Display(Name = "Form.DueOn")]
        public DateOnly? DueOn { get; set; }

        [Display(Name = "Action.Reason")]
        public string? Reason { get; set; }
    }

    public sealed record ResponseView(int Id, ResponseKind Kind, DateOnly RespondedOn, string? Organisation, string? Person, string Content)
    {
        /// <summary>The answering body, to name it as on <see cref="RespondedOn"/>.</summary>
        public int? OrganisationId { get; init; }
    }

    public sealed record EventView(RecommendationEventKind Kind, RecommendationStatus From, RecommendationStatus To, string? UserName, DateTime AtUtc, string? Note);

    public sealed class AssignInput
    {
        public int Version { get; set; }

        [Display(Name = "Recommendation.AddressedTo")]
        public int? OrganisationId { get; set; }

        [Display(Name = "Form.DueOn")]
        public DateOnly? DueOn { get; set; }
    }

    public sealed class RespondInput
    {
        public int Version { get; set; }

        [Display(Name = "Action.ResponseKind")]
        public ResponseKind Kind { get; set; } = ResponseKind.Accepted;

        [Display(Name = "Action.RespondedOn")]
        public DateOnly? RespondedOn { get; set; }

        [Display(Name = "Action.ResponseContent")]
        public string? Content { get; set; }
    }

    public sealed class ReasonInput
    {
        public int Version { get; set; }

        [Display(Name = "Action.Reason")]
        public string? Text { get; set; }
    }
}
