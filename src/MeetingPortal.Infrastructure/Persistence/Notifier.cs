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
    // Who hears is read once per body and unit in a unit of work: publishing a meeting with many
    // recommendations for one body, or an import of several, asks the database once, not once per recommendation.
    private readonly Dictionary<int, List<string>> _responders = [];
    private readonly Dictionary<int, List<string>> _raisingSide = [];
    private readonly Dictionary<int, List<string>> _raisers = [];

    /// <summary>The body that must act: its Responders.</summary>
    public async Task ToBodyAsync(Recommendation recommendation, NotificationKind kind, CancellationToken cancellationToken)
    {
        if (recommendation.AddressedToOrganisationId is not { } body)
        {
            return;
        }

        if (!_responders.TryGetValue(body, out var recipients))
        {
            recipients = await RecipientsAsync(UsersInRole(Roles.Responder).Where(u => u.OrganisationId == body), cancellationToken);
            _responders[body] = recipients;
        }

        Add(recipients, recommendation, kind);
    }

    /// <summary>The raising side: Trackers and Recorders of the unit whose meeting raised it (the meeting must be loaded).</summary>
    public async Task ToRaisingUnitAsync(Recommendation recommendation, NotificationKind kind, CancellationToken cancellationToken)
    {
        var unitId = (recommendation.Meeting ?? throw new InvalidOperationException("The recommendation's meeting is not loaded.")).UnitId;
        if (!_raisingSide.TryGetValue(unitId, out var recipients))
        {
            recipients = await RecipientsAsync(UsersInRole(Roles.Tracker, Roles.Recorder).Where(u => u.UnitId == unitId), cancellationToken);
            _raisingSide[unitId] = recipients;
        }

        Add(recipients, recommendation, kind);
    }

    /// <summary>
    /// The body that raised it: its Raisers (the Front's or the organisation's staff, ADR 0026), who hear of answers and
    /// of the roadmap wherever the recommendation was raised. The bell words these for the body, not a unit
    /// ("Kiến nghị của tổ chức bạn …", resources <c>NotificationKind.{kind}.Raiser</c>).
    /// </summary>
    public async Task ToRaisersAsync(Recommendation recommendation, NotificationKind kind, CancellationToken cancellationToken)
    {
        if (recommendation.RaisedByOrganisationId is not { } body)
        {
            return;
        }

        if (!_raisers.TryGetValue(body, out var recipients))
        {
            recipients = await RecipientsAsync(UsersInRole(Roles.Raiser).Where(u => u.OrganisationId == body), cancellationToken);
            _raisers[body] = recipients;
        }

        Add(recipients, recommendation, kind);
    }

    private IQueryable<ApplicationUser> UsersInRole(params string[] roles)
    {
        var roleList = roles.ToList();
        var roleIds = db.Roles.Where(r => roleList.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.Where(u => u.IsActive && userIds.Contains(u.Id));
    }

    /// <summary>The active accounts among <paramref name="users"/>, less the one acting (nobody is told of their own change).</summary>
    private Task<List<string>> RecipientsAsync(IQueryable<ApplicationUser> users, CancellationToken cancellationToken)
    {
        var me = currentUser.UserName;
        return users.Where(u => u.UserName != me).Select(u => u.Id).Distinct().ToListAsync(cancellationToken);
    }

    private void Add(List<string> recipients, Recommendation recommendation, NotificationKind kind)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification(userId, kind, recommendation.Id, recommendation.Content, now));
        }
    }
}
