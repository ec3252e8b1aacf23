using System.Data.Common;
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
        if (userId is null)
        {
            return 0;
        }

        try
        {
            return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null);
        }
        catch (DbException)
        {
            // The layout also frames the "database unavailable" page; the bell must not break it.
            return 0;
        }
    }
}
