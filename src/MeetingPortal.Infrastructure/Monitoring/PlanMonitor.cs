using System.Globalization;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Infrastructure.Monitoring;

/// <summary>
/// Reminds a unit of its planned dialogues (issue 18, deliver 1): its Recorders and Leaders hear when a planned month or
/// quarter ends within <see cref="MonitoringOptions.PlanDueSoonWorkingDays"/> working days and no published meeting is
/// linked (<see cref="PlannedDialogue.DueSoonOn"/>), and again once it has ended without one (<see cref="PlannedDialogue.LateOn"/>).
/// Each is said once per entry, kind, user and end of period (a unique index holds that across servers).
/// </summary>
public sealed class PlanMonitor(MeetingPortalDbContext db, CalendarService calendar, TimeProvider timeProvider, IOptions<MonitoringOptions> options, ILogger<PlanMonitor> logger)
{
    private static readonly string[] RolesHeard = [Roles.Recorder, Roles.Leader];

    /// <summary>One round; returns the number of notifications added. "Today" is the Vietnam date.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await AddRemindersAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Plan check met reminders saved by another run; checking again");
            db.ChangeTracker.Clear();
            return await AddRemindersAsync(cancellationToken);
        }
    }

    private async Task<int> AddRemindersAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var until = (await calendar.CalendarAsync(cancellationToken)).AddWorkingDays(today, options.Value.PlanDueSoonWorkingDays);

        // Late reminders are for the plan of this year and last year only: an entry years late is on the plan's page, not the bell.
        var soon = await Candidates(db.PlannedDialogues.Where(PlannedDialogue.DueSoonOn(today, until)), cancellationToken);
        var late = await Candidates(db.PlannedDialogues.Where(PlannedDialogue.LateOn(today)).Where(p => p.Year >= today.Year - 1), cancellationToken);
        if (soon.Count == 0 && late.Count == 0)
        {
            return 0;
        }

        var users = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where user.IsActive && RolesHeard.Contains(role.Name!)
                select new { user.Id, user.UnitId })
            .AsNoTracking().Distinct()
            .ToListAsync(cancellationToken);
        var byUnit = users.ToLookup(u => u.UnitId, u => u.Id);
        var ids = soon.Concat(late).Select(c => c.Id).ToList();
        var said = (await db.Notifications.AsNoTracking().Where(n => n.PlannedDialogueId != null && ids.Contains(n.PlannedDialogueId.Value))
                .Select(n => new { n.PlannedDialogueId, n.Kind, n.UserId, n.DueOn }).ToListAsync(cancellationToken))
            .Select(n => (n.PlannedDialogueId!.Value, n.Kind, n.UserId, n.DueOn)).ToHashSet();

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var added = 0;
        void Say(NotificationKind kind, IEnumerable<Candidate> entries)
        {
            foreach (var entry in entries)
            {
                foreach (var userId in byUnit[entry.UnitId])
                {
                    if (said.Add((entry.Id, kind, userId, entry.EndsOn)))
                    {
                        db.Notifications.Add(Notification.PlanReminder(userId, kind, entry.Id, entry.Summary, entry.EndsOn, now));
                        added++;
                    }
                }
            }
        }

        Say(NotificationKind.PlanDueSoon, soon);
        Say(NotificationKind.PlanLate, late);
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Plan check added {Count} notifications", added);
        }

        return added;
    }

    private static async Task<List<Candidate>> Candidates(IQueryable<PlannedDialogue> entries, CancellationToken cancellationToken) =>
        (await entries.AsNoTracking().Select(p => new { p.Id, p.UnitId, p.EndsOn, p.Topic }).ToListAsync(cancellationToken))
            .Select(p => new Candidate(p.Id, p.UnitId, p.EndsOn, p.EndsOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + ": " + p.Topic))
            .ToList();

    // The summary says by when and what: "30/06/2026: Đối thoại về ..." (the bell's kind says due soon or late).
    private sealed record Candidate(int Id, int UnitId, DateOnly EndsOn, string Summary);
}
