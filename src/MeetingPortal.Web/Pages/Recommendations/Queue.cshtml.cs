using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>
/// A Responder's work: what is addressed to their body and still awaits an answer, overdue first.
/// Each item is answered in place with the recommendation page's Respond action.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.AnswerQueue)]
public sealed class QueueModel(MeetingPortalDbContext db, CalendarService calendar) : PageModel
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

    public Dictionary<string, string> PageRoute(int page) => new() { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = calendar.Today;
        if (AnswersAwaited.For(db, User) is not { } queue)
        {
            return Page();
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
        return Page();
    }

    public sealed record Row(int Id, int Version, string Content, string MeetingTitle, DateOnly HeldOn, string UnitName,
        string? RaisedBy, DateOnly? DueOn, RecommendationStatus Status, MeetingStatus MeetingStatus)
    {
        /// <summary>The domain's one definition of overdue, on this row.</summary>
        public bool IsOverdueOn(DateOnly today) => RecommendationStatuses.IsOverdue(Status, DueOn, MeetingStatus, today);
    }
}
