using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Infrastructure.Monitoring;

/// <summary>Bound from "Monitoring".</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public bool Enabled { get; set; } = true;

    /// <summary>A body hears this many working days before a due date.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>After this many working days overdue, the level above hears of it.</summary>
    public int EscalateAfterWorkingDays { get; set; } = 5;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Watches due dates: the body hears when an answer is due soon and when it is overdue; the raising
/// unit hears of the overdue; the unit above hears once it is overdue by the configured working days.
/// Each is said once per due date: a new assignment or forward starts a new count.
/// </summary>
public sealed class RecommendationMonitor(
    MeetingPortalDbContext db, CalendarService calendar, TimeProvider timeProvider, IOptions<MonitoringOptions> options, ILogger<RecommendationMonitor> logger)
{
    private static readonly List<RecommendationStatus> AwaitingAnswer = [RecommendationStatus.New, RecommendationStatus.Assigned, RecommendationStatus.InProgress];

    private static readonly List<RecommendationEventKind> DueDateSetters =
        [RecommendationEventKind.Assigned, RecommendationEventKind.Forwarded, RecommendationEventKind.Returned, RecommendationEventKind.Reopened];

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = calendar.Today;
        var working = await calendar.CalendarAsync(cancellationToken);
        var soonLimit = working.AddWorkingDays(today, settings.DueSoonWorkingDays);
        var candidates = await db.Recommendations.AsNoTracking()
            .Where(r => AwaitingAnswer.Contains(r.Status) && r.DueOn != null && r.DueOn <= soonLimit && r.AddressedToOrganisationId != null)
            .Select(r => new
            {
                r.Id,
                r.Content,
                r.DueOn,
                Body = r.AddressedToOrganisationId!.Value,
                UnitId = r.Meeting!.UnitId,
                ParentId = r.Meeting.Unit!.ParentId,
                Since = r.Events.Where(e => DueDateSetters.Contains(e.Kind)).Max(e => (DateTime?)e.AtUtc) ?? DateTime.MinValue,
            })
            .ToListAsync(cancellationToken);

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var r in candidates)
        {
            var due = r.DueOn!.Value;
            var overdueBy = due < today ? working.WorkingDaysBetween(due, today) : 0;
            if (due >= today)
            {
                added += await NotifyOnceAsync(r.Id, r.Content, r.Since, NotificationKind.DueSoon, Responders(r.Body), now, cancellationToken);
                continue;
            }

            added += await NotifyOnceAsync(r.Id, r.Content, r.Since, NotificationKind.Overdue, Responders(r.Body), now, cancellationToken);
            added += await NotifyOnceAsync(r.Id, r.Content, r.Since, NotificationKind.Overdue, InUnit(r.UnitId, Roles.Tracker), now, cancellationToken);
            if (overdueBy >= settings.EscalateAfterWorkingDays && r.ParentId is { } parent)
            {
                added += await NotifyOnceAsync(r.Id, r.Content, r.Since, NotificationKind.Escalated, InUnit(parent, Roles.Leader, Roles.Tracker), now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Due-date check added {Count} notifications", added);
        }

        return added;
    }

    private IQueryable<string> Responders(int body) =>
        UsersInRole(Roles.Responder).Where(u => u.OrganisationId == body).Select(u => u.Id);

    private IQueryable<string> InUnit(int unitId, params string[] roles) =>
        UsersInRole(roles).Where(u => u.UnitId == unitId).Select(u => u.Id);

    private IQueryable<ApplicationUser> UsersInRole(params string[] roles)
    {
        var roleList = roles.ToList();
        var roleIds = db.Roles.Where(r => roleList.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.Where(u => u.IsActive && userIds.Contains(u.Id));
    }

    private async Task<int> NotifyOnceAsync(int recommendationId, string content, DateTime since, NotificationKind kind, IQueryable<string> users, DateTime now, CancellationToken cancellationToken)
    {
        var already = db.Notifications.Where(n => n.RecommendationId == recommendationId && n.Kind == kind && n.CreatedAtUtc >= since).Select(n => n.UserId);
        var recipients = await users.Where(u => !already.Contains(u)).Distinct().ToListAsync(cancellationToken);
        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification(userId, kind, recommendationId, content, now));
        }

        // Saved as we go so that the next query of this run sees them (the same user may be in two lists).
        await db.SaveChangesAsync(cancellationToken);
        return recipients.Count;
    }
}

/// <summary>Runs the monitor at start and then at the configured interval, outside any request.</summary>
public sealed class RecommendationMonitorService(IServiceScopeFactory scopes, IOptions<MonitoringOptions> options, ILogger<RecommendationMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(stoppingToken);
                // Statistics are taken at start; a portal that runs for months while its tables grow needs them again.
                await scope.ServiceProvider.GetRequiredService<PlannerStatistics>().RefreshIfStaleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed round is retried at the next tick; the portal keeps serving.
                logger.LogError(ex, "The due-date check failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
