using System.Security.Claims;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>The bell's number: a signed-in user's unread notifications (an indexed count).</summary>
public sealed class NotificationCounter(MeetingPortalDbContext db)
{
    public async Task<int> UnreadAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null);
    }
}
