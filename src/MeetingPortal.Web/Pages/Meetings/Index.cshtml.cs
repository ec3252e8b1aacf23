using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>Meetings in the user's scope, newest first.</summary>
public sealed class IndexModel(MeetingPortalDbContext db) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<Row> Meetings { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var query = db.Meetings.AsNoTracking().InScope(User.GetScopeOrNone());
        TotalCount = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Meetings = await query
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.HeldOn, m.Title, m.Unit!.Name, m.Type, m.Format, m.Status, m.Recommendations.Count))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, DateOnly HeldOn, string Title, string UnitName, MeetingType Type, MeetingFormat Format, MeetingStatus Status, int RecommendationCount);
}
