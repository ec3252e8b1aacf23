using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>
/// A Responder's work: what is addressed to their body and still awaits an answer, overdue first.
/// Each item is answered in place and the responder stays here (issue 17, deliver 4): an answer recorded
/// comes back to the queue with the next item focused; a refused answer shows the queue again with the
/// message at that item and the typed text kept.
/// </summary>
/// <remarks>
/// The page itself is only signed-in: the queue's role is asked in <see cref="OnGetAsync"/>, because the
/// answer post must let the use case answer first, 404 outside the user's scope and 403 without the role,
/// as every record's post does (a page-wide role policy would answer 403 to an outsider).
/// </remarks>
[Authorize]
public sealed class QueueModel(
    MeetingPortalDbContext db, CalendarService calendar, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int OverdueTotal { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;
    public string? BodyName { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The answer typed into the item just posted; the same input the recommendation page takes.</summary>
    [BindProperty]
    public DetailsModel.RespondInput Respond { get; set; } = new();

    /// <summary>The item to focus after an answer was recorded: the one that followed it in the queue.</summary>
    [BindProperty(SupportsGet = true, Name = "next")]
    public int? NextId { get; set; }

    /// <summary>The item whose answer was refused: its messages and typed text show there, and it takes focus.</summary>
    public int? FailedId { get; private set; }

    /// <summary>The item that takes focus on this load, if any.</summary>
    public int? FocusId => FailedId ?? (NextId is { } next && Items.Any(i => i.Id == next) ? next : null);

    [TempData]
    public string? Status { get; set; }

    public Dictionary<string, string> PageRoute(int page) => new() { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.AnswerQueue)).Succeeded)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// Answers one item from the queue with the same use case as the recommendation page's Respond action
    /// (which authorizes the Respond operation: 404 outside scope, 403 without the role).
    /// </summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id, [FromServices] RespondToRecommendation useCase, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            FailedId = id;
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The item after this one, read before the answer takes this one out of the queue.
        int? next = null;
        if (AnswersAwaited.For(db, User) is { } queue)
        {
            var order = await AnswersAwaited.Ordered(queue).Select(r => r.Id).ToListAsync(cancellationToken);
            var at = order.IndexOf(id);
            next = at < 0 ? null : order.Skip(at + 1).Cast<int?>().FirstOrDefault() ?? order.Take(at).Cast<int?>().LastOrDefault();
        }

        var result = await useCase.ExecuteAsync(User, new RespondCommand(id, Respond.Version, Respond.Kind, Respond.RespondedOn, Respond.Content, null), cancellationToken);
        if (result.Succeeded)
        {
            Status = localizer["Action.Done.Respond"];
            return next is { } n
                // No "#item-n" fragment: Chromium ignores autofocus on a URL with one, and autofocus scrolls the item into view.
                ? RedirectToPage("/Recommendations/Queue", new { p = PageNumber, next = n })
                : RedirectToPage("/Recommendations/Queue", new { p = PageNumber });
        }

        if (this.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        FailedId = id;
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field is "" or RespondToRecommendation.FileField ? string.Empty : $"{nameof(Respond)}.{error.Field}", error.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The messages of the refused answer for one field ("Kind", "Content"), or the rest when <paramref name="field"/> is null.</summary>
    public IEnumerable<string> ErrorsFor(string? field) =>
        ModelState.Where(e => field is null
                ? e.Key != $"{nameof(Respond)}.{nameof(DetailsModel.RespondInput.Kind)}" && e.Key != $"{nameof(Respond)}.{nameof(DetailsModel.RespondInput.Content)}"
                : e.Key == $"{nameof(Respond)}.{field}")
            .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = calendar.Today;
        if (AnswersAwaited.For(db, User) is not { } queue)
        {
            return;
        }

        var body = User.GetOrganisationId();
        BodyName = await db.Organisations.AsNoTracking().Where(o => o.Id == body).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        var today = Today;
        // A district's body may have hundreds waiting, each with its answer form: a page at a time.
        Total = await queue.CountAsync(cancellationToken);
        OverdueTotal = Total == 0 ? 0 : await queue.CountAsync(RecommendationStatuses.OverdueOn(today), cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await AnswersAwaited.Ordered(queue)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Version, r.Content, r.Meeting!.Title, r.Meeting.HeldOn, r.Meeting.Unit!.Name,
                r.RaisedByOrganisation!.Name, r.DueOn, r.Status, r.Meeting.Status))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, int Version, string Content, string MeetingTitle, DateOnly HeldOn, string UnitName,
        string? RaisedBy, DateOnly? DueOn, RecommendationStatus Status, MeetingStatus MeetingStatus)
    {
        /// <summary>The domain's one definition of overdue, on this row.</summary>
        public bool IsOverdueOn(DateOnly today) => RecommendationStatuses.IsOverdue(Status, DueOn, MeetingStatus, today);
    }
}
