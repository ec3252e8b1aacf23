using System.Security.Claims;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Notifications;

/// <summary>The user's notifications, newest first; only their own are ever listed or changed.</summary>
public sealed class IndexModel(MeetingPortalDbContext db, TimeProvider timeProvider) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<Row> Items { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(Shown)
            .Select(n => new Row(n.Id, n.Kind, n.RecommendationId, n.PlannedDialogueId, n.Summary, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        var userId = UserId;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarkRead(timeProvider.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        // A Raiser reads their body's recommendation on their own page; the committee's is 403 to them (ADR 0026).
        return notification.PlannedDialogueId is { } planned
            ? RedirectToPage("/Plans/Entry", new { id = planned })
            : RedirectToPage(User.IsInRole(Roles.Raiser) ? "/Raising/Recommendation" : "/Recommendations/Details", new { id = notification.RecommendationId });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var notification in await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).ToListAsync(cancellationToken))
        {
            notification.MarkRead(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    /// <summary>One notification: about a recommendation or, for plan reminders, about a planned dialogue.</summary>
    public sealed record Row(long Id, NotificationKind Kind, int? RecommendationId, int? PlannedDialogueId, string Summary, DateTime CreatedAtUtc, bool Read);
}
