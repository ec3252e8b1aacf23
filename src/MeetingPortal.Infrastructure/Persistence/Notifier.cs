using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// Decides who hears of a change to a recommendation and adds their notifications to the same
/// unit of work, so a change and its notifications are saved together or not at all.
/// </summary>
public sealed class Notifier(MeetingPortalDbContext db, TimeProvider timeProvider, ICurrentUser currentUser)
{
    /// <summary>The body that must act: its Responders.</summary>
    public Task ToBodyAsync(Recommendation recommendation, NotificationKind kind, CancellationToken cancellationToken) =>
        recommendation.AddressedToOrganisationId is { } body
            ? AddAsync(UsersInRole(Roles.Responder).Where(u => u.OrganisationId == body), recommendation, kind, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The raising side: Trackers and Recorders of the unit whose meeting raised it.</summary>
    public async Task ToRaisingUnitAsync(Recommendation recommendation, NotificationKind kind, CancellationToken cancellationToken)
    {
        var unitId = await db.Meetings.Where(m => m.Id == recommendation.MeetingId).Select(m => m.UnitId).SingleAsync(cancellationToken);
        await AddAsync(UsersInRole(Roles.Tracker, Roles.Recorder).Where(u => u.UnitId == unitId), recommendation, kind, cancellationToken);
    }

    private IQueryable<ApplicationUser> UsersInRole(params string[] roles)
    {
        var roleList = roles.ToList();
        var roleIds = db.Roles.Where(r => roleList.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.Where(u => u.IsActive && userIds.Contains(u.Id));
    }

    private async Task AddAsync(IQueryable<ApplicationUser> users, Recommendation recommendation, NotificationKind kind, CancellationToken cancellationToken)
    {
        var me = currentUser.UserName;
        var recipients = await users.Where(u => u.UserName != me).Select(u => u.Id).Distinct().ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification(userId, kind, recommendation.Id, recommendation.Content, now));
        }
    }
}
