using System.Globalization;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Coordination;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Infrastructure.Monitoring;

/// <summary>Bound from "Monitoring": the due-date check and the periodic upkeep of the database.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    public bool Enabled { get; set; } = true;

    /// <summary>A body hears this many working days before a due date.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>
    /// A unit's recorders and leaders hear this many working days before a planned dialogue's month or quarter ends,
    /// and the plan shows the entry as "sắp hết kỳ" from then (issue 18, deliver 1).
    /// </summary>
    public int PlanDueSoonWorkingDays { get; set; } = 5;

    /// <summary>After this many working days overdue, the level above hears of it.</summary>
    public int EscalateAfterWorkingDays { get; set; } = 5;

    /// <summary>How often the due-date check runs (across all servers together).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the planner statistics are looked at (across all servers together); runs whether or not <see cref="Enabled"/>.</summary>
    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Watches due dates: the body hears when an answer is due soon and when it is overdue; the raising
/// unit hears of the overdue; the unit above hears once it is overdue by the configured working days.
/// Each is said once per recommendation, kind, user and due date (a unique index holds that even when
/// two servers run the check at once); a new assignment or forward with another due date starts a new count.
/// </summary>
public sealed class RecommendationMonitor(
    MeetingPortalDbContext db, CalendarService calendar, TimeProvider timeProvider, IOptions<MonitoringOptions> options, ILogger<RecommendationMonitor> logger)
{
    private static readonly RecommendationStatus[] AwaitingAnswer = [.. RecommendationStatuses.AwaitingAnswer];

    private static readonly string[] RolesHeard = [Roles.Responder, Roles.Tracker, Roles.Leader];

    /// <summary>
    /// One round of the check, in four queries whatever the number of recommendations (candidates,
    /// recipients, reminders already said, then one save). Returns the number of notifications added.
    /// "Today" is the Vietnam calendar date (<see cref="CalendarService.Today"/>); "due soon" and
    /// "escalate after" count working days of the portal's calendar.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await AddRemindersAsync(cancellationToken) + await AddRoadmapRemindersAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another server's round saved some of the same reminders first (the unique index refused ours):
            // start again from what is now in the database, which leaves out what it said.
            logger.LogInformation(ex, "Due-date check met reminders saved by another run; checking again");
            db.ChangeTracker.Clear();
            return await AddRemindersAsync(cancellationToken) + await AddRoadmapRemindersAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The roadmap reminders (ADR 0025 section 3): for each recommendation on a roadmap, each milestone past its date
    /// and not done, and the planned resolution date once passed, tell the reporting body's responders and the raising
    /// unit's trackers once (<see cref="NotificationKind.RoadmapOverdue"/>, keyed by that date as overdue reminders are
    /// by the due date). The set is <see cref="Roadmaps.OverdueOn"/>, the rule the figures count.
    /// </summary>
    private async Task<int> AddRoadmapRemindersAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var late = db.Recommendations.Where(Roadmaps.OverdueOn(today));
        var candidates = await late.AsNoTracking()
            .Select(r => new
            {
                r.Id,
                r.Content,
                r.Meeting!.UnitId,
                Body = r.Roadmap!.ReportingOrganisationId,
                Planned = r.Roadmap.PlannedResolutionOn,
                Milestones = r.Roadmap.Milestones.Where(m => m.DoneOn == null && m.DueOn < today).Select(m => new { m.DueOn, m.Content }).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var users = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where user.IsActive && (role.Name == Roles.Responder || role.Name == Roles.Tracker)
                select new { user.Id, user.UnitId, user.OrganisationId, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var responders = users.Where(u => u.Role == Roles.Responder && u.OrganisationId != null).ToLookup(u => u.OrganisationId!.Value, u => u.Id);
        var trackers = users.Where(u => u.Role == Roles.Tracker).ToLookup(u => u.UnitId, u => u.Id);
        var said = (await (
                from r in late
                join n in db.Notifications on r.Id equals n.RecommendationId
                where n.Kind == NotificationKind.RoadmapOverdue
                select new { n.RecommendationId, n.UserId, n.DueOn })
            .AsNoTracking()
            .ToListAsync(cancellationToken))
            .Select(n => (n.RecommendationId, n.UserId, n.DueOn))
            .ToHashSet();

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var r in candidates)
        {
            // Each reminder says which date and milestone it is about ("30/09/2026 · Bố trí vốn · …"): two overdue milestones
            // of one item read as two different lines on the bell, not as a repeat (issue 18 trial).
            var dates = r.Milestones.GroupBy(m => m.DueOn).Select(g => (Date: g.Key, What: (string?)string.Join("; ", g.Select(m => m.Content))))
                .Concat(r.Planned < today && r.Milestones.All(m => m.DueOn != r.Planned) ? [(Date: r.Planned, What: (string?)null)] : [])
                .Select(d => (d.Date, Summary: $"{d.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} · {(d.What is null ? string.Empty : d.What + " · ")}{r.Content}"));
            foreach (var (date, summary) in dates)
            {
                foreach (var userId in responders[r.Body].Concat(trackers[r.UnitId]).Distinct())
                {
                    if (said.Add((r.Id, userId, date)))
                    {
                        db.Notifications.Add(Notification.Reminder(userId, NotificationKind.RoadmapOverdue, r.Id, summary, date, now));
                        added++;
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Roadmap check added {Count} notifications", added);
        }

        return added;
    }

    private async Task<int> AddRemindersAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = calendar.Today;
        var working = await calendar.CalendarAsync(cancellationToken);
        var soonLimit = working.AddWorkingDays(today, settings.DueSoonWorkingDays);
        var due = db.Recommendations.Where(Recommendation.Followed)
            .Where(r => AwaitingAnswer.Contains(r.Status) && r.DueOn != null && r.DueOn <= soonLimit && r.AddressedToOrganisationId != null);

        var candidates = await due.AsNoTracking()
            .Select(r => new
            {
                r.Id,
                r.Content,
                DueOn = r.DueOn!.Value,
                Body = r.AddressedToOrganisationId!.Value,
                UnitId = r.Meeting!.UnitId,
                ParentId = r.Meeting.Unit!.ParentId,
            })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var users = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where user.IsActive && RolesHeard.Contains(role.Name!)
                select new { user.Id, user.UnitId, user.OrganisationId, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var responders = users.Where(u => u.Role == Roles.Responder && u.OrganisationId != null).ToLookup(u => u.OrganisationId!.Value, u => u.Id);
        var trackers = users.Where(u => u.Role == Roles.Tracker).ToLookup(u => u.UnitId, u => u.Id);
        var leadersAndTrackers = users.Where(u => u.Role is Roles.Leader or Roles.Tracker).ToLookup(u => u.UnitId, u => u.Id);

        var said = (await (
                from r in due
                join n in db.Notifications on r.Id equals n.RecommendationId
                where n.DueOn == r.DueOn
                select new { n.RecommendationId, n.Kind, n.UserId })
            .AsNoTracking()
            .ToListAsync(cancellationToken))
            .Select(n => (n.RecommendationId, n.Kind, n.UserId))
            .ToHashSet();

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var r in candidates)
        {
            void Say(NotificationKind kind, IEnumerable<string> recipients)
            {
                foreach (var userId in recipients)
                {
                    if (said.Add((r.Id, kind, userId)))
                    {
                        db.Notifications.Add(Notification.Reminder(userId, kind, r.Id, r.Content, r.DueOn, now));
                        added++;
                    }
                }
            }

            if (r.DueOn >= today)
            {
                Say(NotificationKind.DueSoon, responders[r.Body]);
                continue;
            }

            Say(NotificationKind.Overdue, responders[r.Body]);
            Say(NotificationKind.Overdue, trackers[r.UnitId]);
            if (r.ParentId is { } parent && working.WorkingDaysBetween(r.DueOn, today) >= settings.EscalateAfterWorkingDays)
            {
                Say(NotificationKind.Escalated, leadersAndTrackers[parent]);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Due-date check added {Count} notifications", added);
        }

        return added;
    }
}

/// <summary>
/// Runs the due-date check (and the plan check, <see cref="PlanMonitor"/>) at start and then at the configured interval, outside any request. With
/// several servers on one database, the one that takes the <see cref="Lease.DueDateCheck"/> lease runs it;
/// the others skip that round.
/// </summary>
public sealed class RecommendationMonitorService(
    IServiceScopeFactory scopes, StartupState startup, IOptions<MonitoringOptions> options, ILogger<RecommendationMonitorService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled
        ? Task.CompletedTask
        : PeriodicJob.RunAsync(scopes, startup, Lease.DueDateCheck, options.Value.Interval, logger,
            async (services, cancellationToken) =>
                await services.GetRequiredService<RecommendationMonitor>().RunOnceAsync(cancellationToken)
                + await services.GetRequiredService<PlanMonitor>().RunOnceAsync(cancellationToken),
            stoppingToken);
}

/// <summary>
/// The portal's housekeeping, once per interval across servers, from one interval after start (the start work
/// looks at the statistics itself), independent of whether the due-date check is on: forgets expired one-time
/// form tokens (<see cref="Submissions.FormSubmissions.ForgetExpiredAsync"/>), ended sign-in sessions and old counts of
/// wrong passwords (<see cref="Identity.SignInSessions.ForgetExpiredAsync"/>, <see cref="Identity.PasswordThrottle.ForgetExpiredAsync"/>), all but the
/// newest figure change (<see cref="FigureChangeInterceptor.ForgetOldAsync"/>) and refreshes SQLite's planner
/// statistics when they are stale (<see cref="PlannerStatistics"/>; nothing on SQL Server).
/// </summary>
public sealed class PlannerStatisticsService(
    IServiceScopeFactory scopes, StartupState startup, IOptions<MonitoringOptions> options, ILogger<PlannerStatisticsService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicJob.RunAsync(scopes, startup, Lease.PlannerStatistics, options.Value.StatisticsInterval, logger,
            async (services, cancellationToken) =>
            {
                await services.GetRequiredService<Submissions.FormSubmissions>().ForgetExpiredAsync(cancellationToken);
                await services.GetRequiredService<Identity.SignInSessions>().ForgetExpiredAsync(cancellationToken);
                await services.GetRequiredService<Identity.PasswordThrottle>().ForgetExpiredAsync(cancellationToken);
                await FigureChangeInterceptor.ForgetOldAsync(services.GetRequiredService<MeetingPortalDbContext>(), cancellationToken);
                return await services.GetRequiredService<PlannerStatistics>().RefreshIfStaleAsync(cancellationToken);
            },
            stoppingToken,
            firstRoundAtStart: false);
}
