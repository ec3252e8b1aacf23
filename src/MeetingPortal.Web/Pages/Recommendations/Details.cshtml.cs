using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Pages.Meetings;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
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
[RequestSizeLimit(Attachment.MaxSizeBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = Attachment.MaxSizeBytes + (1024 * 1024))]
public sealed class DetailsModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, MeetingEditor editor,
    ICurrentUser currentUser, TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer, AttachmentStore store,
    IValidator<DetailsModel.RespondInput> respondValidator, IValidator<DetailsModel.ReasonInput> reasonValidator) : PageModel
{
    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    [BindProperty]
    public RespondInput Respond { get; set; } = new();

    [BindProperty]
    public ReasonInput Reason { get; set; } = new();

    [BindProperty]
    public ForwardInput Forward { get; set; } = new();

    public View Item { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int? WorkingDaysLeft { get; private set; }
    public DateOnly? DefaultDueOn { get; private set; }
    public IReadOnlyList<MatterRow> Matter { get; private set; } = [];
    public int MatterOutsideScope { get; private set; }
    public IReadOnlyList<MatterRow> Suggestions { get; private set; } = [];
    public bool IsLinked { get; private set; }
    public ILookup<int, (int Id, string FileName)> ResponseFiles { get; private set; } = Enumerable.Empty<(int, string)>().ToLookup(_ => 0);

    [TempData]
    public string? Status { get; set; }

    /// <summary>The action just tried, so its messages show beside its own form.</summary>
    public string? ActiveAction { get; private set; }

    public bool MayTrack => User.IsInRole(Roles.Tracker) || User.IsInRole(Roles.Administrator);
    public bool MayRespond => MayTrack || (User.IsInRole(Roles.Responder) && Item.AddressedToId is { } body && body == User.GetOrganisationId());
    public bool IsResponderOfBody => User.IsInRole(Roles.Responder) && Item.AddressedToId is { } body && body == User.GetOrganisationId();
    public bool MayForward => MayTrack || IsResponderOfBody;
    public bool MayJudge => User.IsInRole(Roles.Recorder) || User.IsInRole(Roles.Tracker) || User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayTrack, "Assign", Assign.Version, async (r, by) =>
        {
            if (Assign.OrganisationId is not { } body || Bodies.All(b => b.Id != body))
            {
                ModelState.AddModelError($"{nameof(Assign)}.{nameof(AssignInput.OrganisationId)}", localizer["Action.ChooseBody"]);
                return false;
            }

            if (Assign.DueOn is { } due && due < Today)
            {
                ModelState.AddModelError($"{nameof(Assign)}.{nameof(AssignInput.DueOn)}", localizer["Action.DueInPast"]);
                return false;
            }

            var level = await db.Organisations.Where(o => o.Id == body).Select(o => (int?)o.Unit!.Level!.Rank).SingleAsync(cancellationToken);
            r.AssignTo(body, (await calendar.PolicyAsync(cancellationToken)).Resolve(Assign.DueOn, Today, r.ThemeId, level), by);
            return true;
        }, cancellationToken);

    /// <summary>A file stored for a response that is not yet saved; removed again if the save fails.</summary>
    private string? _storedFile;

    public Task<IActionResult> OnPostRespondAsync(int id, IFormFile? responseFile, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayRespond, "Respond", Respond.Version, async (r, by) =>
        {
            var result = await respondValidator.ValidateAsync(Respond, cancellationToken);
            result.AddTo(ModelState, nameof(Respond));
            await using var content = new MemoryStream();
            AttachmentType? fileType = null;
            if (responseFile is { Length: > 0 })
            {
                if (responseFile.Length > Attachment.MaxSizeBytes)
                {
                    ModelState.AddModelError("responseFile", localizer["Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024]);
                }
                else
                {
                    await responseFile.CopyToAsync(content, cancellationToken);
                    fileType = AttachmentStore.Detect(content);
                    if (fileType is null)
                    {
                        ModelState.AddModelError("responseFile", localizer["Attachment.WrongType"]);
                    }
                }
            }

            if (Respond.RespondedOn is { } on && (on > Today || on < Item.HeldOn))
            {
                ModelState.AddModelError($"{nameof(Respond)}.{nameof(RespondInput.RespondedOn)}", localizer["Action.ResponseDate"]);
            }

            if (!ModelState.IsValid)
            {
                return false;
            }

            var organisationId = User.IsInRole(Roles.Responder) && User.GetOrganisationId() == r.AddressedToOrganisationId
                ? User.GetOrganisationId()
                : r.AddressedToOrganisationId;
            var response = r.Respond(Respond.Kind, Respond.RespondedOn ?? Today, organisationId, null, Respond.Content!.Trim(), by);
            if (fileType is { } type)
            {
                _storedFile = await store.SaveAsync(content, cancellationToken);
                db.Attachments.Add(new Attachment(r.MeetingId, AttachmentStore.SanitizeFileName(responseFile!.FileName, type), type, content.Length, _storedFile)
                {
                    Response = response,
                });
            }

            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayTrack, "Close", Reason.Version, (r, by) =>
        {
            r.Close(by, string.IsNullOrWhiteSpace(Reason.Text) ? null : Reason.Text.Trim());
            return Task.FromResult(true);
        }, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayTrack, "Reopen", Reason.Version, async (r, by) =>
        {
            if (!await ReasonGivenAsync(cancellationToken))
            {
                return false;
            }

            r.Reopen(Reason.Text!.Trim(), by);
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostJudgeAsync(int id, bool satisfied, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayJudge, "Judge", Reason.Version, async (r, by) =>
        {
            if (!satisfied && !await ReasonGivenAsync(cancellationToken))
            {
                return false;
            }

            r.MarkSatisfaction(satisfied, string.IsNullOrWhiteSpace(Reason.Text) ? null : Reason.Text.Trim(), by);
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostForwardAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayForward, "Forward", Forward.Version, async (r, by) =>
        {
            if (Forward.OrganisationId is not { } body || Bodies.All(b => b.Id != body))
            {
                ModelState.AddModelError($"{nameof(Forward)}.{nameof(ForwardInput.OrganisationId)}", localizer["Action.ChooseBody"]);
            }

            if (Forward.DueOn is { } due && due < Today)
            {
                ModelState.AddModelError($"{nameof(Forward)}.{nameof(ForwardInput.DueOn)}", localizer["Action.DueInPast"]);
            }

            if (string.IsNullOrWhiteSpace(Forward.Reason))
            {
                ModelState.AddModelError($"{nameof(Forward)}.{nameof(ForwardInput.Reason)}", localizer["Action.ReasonRequired"]);
            }
            else if (Forward.Reason.Length > RecommendationHop.ReasonMaxLength)
            {
                ModelState.AddModelError($"{nameof(Forward)}.{nameof(ForwardInput.Reason)}", localizer["Action.ReasonTooLong"]);
            }

            if (!ModelState.IsValid)
            {
                return false;
            }

            var target = Forward.OrganisationId!.Value;
            var level = await db.Organisations.Where(o => o.Id == target).Select(o => (int?)o.Unit!.Level!.Rank).SingleAsync(cancellationToken);
            r.Forward(target, (await calendar.PolicyAsync(cancellationToken)).Resolve(Forward.DueOn, Today, r.ThemeId, level), Forward.Reason!.Trim(), by);
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayForward, "Return", Reason.Version, async (r, by) =>
        {
            if (!await ReasonGivenAsync(cancellationToken))
            {
                return false;
            }

            r.ReturnToSender(Reason.Text!.Trim(), by);
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(int id, int earlierId, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayTrack, "Link", Reason.Version, async (r, _) =>
        {
            var earlier = await db.Recommendations.InScope(User.GetScopeOrNone()).Where(x => x.Id == earlierId)
                .Select(x => new { Entity = x, x.Meeting!.HeldOn }).SingleOrDefaultAsync(cancellationToken);
            if (earlier is null)
            {
                ModelState.AddModelError(string.Empty, localizer["Matter.NotFound"]);
                return false;
            }

            var followers = r.RecurrenceOfId is null
                ? await db.Recommendations.Where(x => x.RecurrenceOfId == r.Id).ToListAsync(cancellationToken)
                : [];
            r.LinkAsRecurrenceOf(earlier.Entity, earlier.HeldOn, Item.HeldOn);
            // Chains stay flat: whatever repeated this one now repeats the earlier matter.
            followers.ForEach(f => f.Reroot(r.MatterId));
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayTrack, "Unlink", Reason.Version, async (r, _) =>
        {
            if (r.RecurrenceOfId is not null)
            {
                r.Unlink();
                return true;
            }

            // The first raising leaves: the earliest of the others becomes the matter's first.
            var followers = await db.Recommendations.Where(x => x.RecurrenceOfId == r.Id)
                .OrderBy(x => x.Meeting!.HeldOn).ThenBy(x => x.Id).ToListAsync(cancellationToken);
            if (followers.Count == 0)
            {
                ModelState.AddModelError(string.Empty, localizer["Matter.NotLinked"]);
                return false;
            }

            followers.ForEach(f => f.Reroot(followers[0].Id));
            return true;
        }, cancellationToken);

    private async Task<bool> ReasonGivenAsync(CancellationToken cancellationToken)
    {
        var result = await reasonValidator.ValidateAsync(Reason, cancellationToken);
        result.AddTo(ModelState, nameof(Reason));
        if (string.IsNullOrWhiteSpace(Reason.Text))
        {
            ModelState.AddModelError($"{nameof(Reason)}.{nameof(ReasonInput.Text)}", localizer["Action.ReasonRequired"]);
        }

        return ModelState.IsValid;
    }

    /// <summary>
    /// The shape of every action: load, check scope (404) then role (403), check the version the user
    /// saw, call the domain, save. A refused rule or a stale version is a message on the page.
    /// </summary>
    private async Task<IActionResult> ActAsync(
        int id, Func<bool> allowed, string form, int version, Func<Recommendation, Actor, Task<bool>> act, CancellationToken cancellationToken)
    {
        ActiveAction = form;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!allowed())
        {
            return Forbid();
        }

        var recommendation = await db.Recommendations.Include(r => r.Responses).Include(r => r.Events).Include(r => r.Hops)
            .AsSplitQuery().SingleAsync(r => r.Id == id, cancellationToken);
        if (recommendation.Version != version)
        {
            ModelState.AddModelError(string.Empty, localizer["Action.Stale"]);
            return Page();
        }

        try
        {
            if (!await act(recommendation, new Actor(currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime)))
            {
                return Page();
            }

            var entry = db.Entry(recommendation);
            entry.Property(r => r.Version).OriginalValue = version;
            entry.Property(r => r.ChangedAtUtc).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            DiscardStoredFile();
            ModelState.AddModelError(string.Empty, localizer["Domain." + ex.Code] is { ResourceNotFound: false } message ? message : localizer["Form.CannotApply"]);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            DiscardStoredFile();
            ModelState.AddModelError(string.Empty, localizer["Action.Stale"]);
            return Page();
        }

        Status = localizer["Action.Done." + form];
        return RedirectToPage(new { id });
    }

    private void DiscardStoredFile()
    {
        if (_storedFile is not null)
        {
            store.Delete(_storedFile);
            _storedFile = null;
        }
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
            UnitId = r.Meeting.UnitId,
            UnitName = r.Meeting.Unit!.Name,
            UnitPath = r.Meeting.Unit.Path,
            RaisedBy = r.RaisedByOrganisation!.Name,
            RaisedByPerson = r.RaisedByPerson!.FullName,
            AddressedToId = r.AddressedToOrganisationId,
            AddressedTo = r.AddressedToOrganisation!.Name,
            Theme = r.Theme!.Name,
            DueOn = r.DueOn,
            Status = r.Status,
            Satisfied = r.Satisfied,
            FirstAnsweredOn = r.FirstAnsweredOn,
            ResolvedOn = r.ResolvedOn,
            Responses = r.Responses.OrderBy(x => x.RespondedOn).ThenBy(x => x.Id)
                .Select(x => new ResponseView(x.Id, x.Kind, x.RespondedOn, x.Organisation!.Name, x.Person!.FullName, x.Content)).ToList(),
            Hops = r.Hops.OrderBy(h => h.ForwardedAtUtc).ThenBy(h => h.Id)
                .Select(h => new HopView(
                    db.Organisations.Where(o => o.Id == h.FromOrganisationId).Select(o => o.Name).FirstOrDefault(),
                    db.Organisations.Where(o => o.Id == h.ToOrganisationId).Select(o => o.Name).First(),
                    h.DueOn, h.Reason, h.ForwardedBy, h.ForwardedAtUtc, h.ReturnReason, h.ReturnedAtUtc)).ToList(),
            Events = r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                .Select(e => new EventView(e.Kind, e.FromStatus, e.ToStatus, e.UserName, e.AtUtc, e.Note)).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);

        if (item is null || !(await authorization.AuthorizeAsync(User, new ScopedResource(item.UnitPath), Policies.InScope)).Succeeded)
        {
            return false;
        }

        Item = item;
        Today = calendar.Today;
        var responseIds = item.Responses.Select(x => x.Id).ToList();
        ResponseFiles = (await db.Attachments.AsNoTracking().Where(a => a.ResponseId != null && responseIds.Contains(a.ResponseId.Value))
                .Select(a => new { a.Id, a.FileName, ResponseId = a.ResponseId!.Value }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ResponseId, a => (a.Id, a.FileName));
        if (item.DueOn is { } due && RecommendationFilter.AwaitingAnswer.Contains(item.Status))
        {
            WorkingDaysLeft = (await calendar.CalendarAsync(cancellationToken)).WorkingDaysBetween(Today, due);
        }

        await LoadMatterAsync(item, cancellationToken);
        var known = await editor.KnownAsync(item.UnitId, cancellationToken);
        Bodies = known.Organisations.Select(o => (o.Id, o.Name)).OrderBy(o => o.Name).ToList();
        DefaultDueOn = (await calendar.PolicyAsync(cancellationToken)).Resolve(null, Today, null, null).DueOn;
        return true;
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
        if (!MayTrack)
        {
            return;
        }

        var heldOn = item.HeldOn;
        var candidates = await db.Recommendations.AsNoTracking().InScope(scope)
            .Where(r => r.Meeting!.HeldOn <= heldOn && r.Id != item.Id && r.Id != matterId && r.RecurrenceOfId != matterId)
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
        public int UnitId { get; init; }
        public required string UnitName { get; init; }
        public required string UnitPath { get; init; }
        public string? RaisedBy { get; init; }
        public string? RaisedByPerson { get; init; }
        public int? AddressedToId { get; init; }
        public string? AddressedTo { get; init; }
        public string? Theme { get; init; }
        public DateOnly? DueOn { get; init; }
        public RecommendationStatus Status { get; init; }
        public bool? Satisfied { get; init; }
        public DateOnly? FirstAnsweredOn { get; init; }
        public DateOnly? ResolvedOn { get; init; }
        public required List<ResponseView> Responses { get; init; }
        public required List<EventView> Events { get; init; }
        public required List<HopView> Hops { get; init; }

        public bool CanBeReturned => Hops.Count > 0 && Hops[^1].ReturnedAtUtc is null && Hops[^1].From is not null;
    }

    public sealed record HopView(string? From, string To, DateOnly? DueOn, string Reason, string? ForwardedBy, DateTime ForwardedAtUtc, string? ReturnReason, DateTime? ReturnedAtUtc);

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

    public sealed record ResponseView(int Id, ResponseKind Kind, DateOnly RespondedOn, string? Organisation, string? Person, string Content);

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

    public sealed class RespondValidator : AbstractValidator<RespondInput>
    {
        public RespondValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Content).NotEmpty().MaximumLength(MeetingPortal.Domain.Recommendations.Response.ContentMaxLength).WithName(_ => localizer["Action.ResponseContent"]);
            RuleFor(x => x.Kind).IsInEnum().WithName(_ => localizer["Action.ResponseKind"]);
        }
    }

    public sealed class ReasonValidator : AbstractValidator<ReasonInput>
    {
        public ReasonValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Text).MaximumLength(Recommendation.ReasonMaxLength).WithName(_ => localizer["Action.Reason"]);
        }
    }
}
