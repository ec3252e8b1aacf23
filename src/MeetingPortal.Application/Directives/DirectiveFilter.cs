using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MeetingPortal.Application.Units;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Directives;

/// <summary>
/// The task list's filters (/Directives), bound from the query string: which meetings' tasks (unit and the units
/// below it, dates held), then which of those tasks (status, assigned body, overdue). Its <see cref="RouteValues"/>
/// let the list show and carry every criterion (issue 15, item 6).
/// </summary>
public sealed class DirectiveFilter
{
    public DirectiveStatus? Status { get; set; }

    /// <summary>An assigned body (organisation id).</summary>
    public int? Assignee { get; set; }

    /// <summary>Open tasks whose due date has passed.</summary>
    public bool Overdue { get; set; }

    /// <summary>The unit whose subtree's meetings gave the tasks; clipped to the user's scope.</summary>
    public int? Unit { get; set; }

    /// <summary>First day of the meetings that gave the tasks.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day of the meetings that gave the tasks.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Only tasks of published meetings: what summaries count (<see cref="MeetingPortal.Domain.Reports.FigureDefinitions.CountedMeeting"/>).</summary>
    [Display(Name = "Tracker.Published")]
    public bool Published { get; set; }

    /// <summary>Tasks with a measurable target only (the summary's "Nhiệm vụ có chỉ tiêu").</summary>
    public bool WithTarget { get; set; }

    /// <summary>Tasks standing so against their target (<see cref="TargetState"/>; None: tasks without a target).</summary>
    public TargetState? Target { get; set; }

    /// <summary>
    /// The tasks of the meetings in <paramref name="scope"/> chosen by unit and dates, before status, assignee and
    /// overdue: the counts per status describe this set.
    /// </summary>
    public async Task<IQueryable<Directive>> ApplyMeetingCriteriaAsync(MeetingPortalDbContext db, UnitScope scope, CancellationToken cancellationToken)
    {
        var meetings = db.Meetings.AsNoTracking().InScope(scope);
        if (Unit is { } unitId)
        {
            var subtree = await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken);
            meetings = subtree is { } chosen ? meetings.InScope(chosen) : meetings.Where(_ => false);
        }

        if (Published)
        {
            meetings = meetings.Where(MeetingPortal.Domain.Reports.FigureDefinitions.CountedMeeting);
        }

        if (From is { } from)
        {
            meetings = meetings.Where(m => m.HeldOn >= from);
        }

        if (To is { } to)
        {
            meetings = meetings.Where(m => m.HeldOn <= to);
        }

        // From the scoped meetings down: "MeetingId in (scoped meetings)" made SQLite scan every directive.
        return meetings.SelectMany(m => m.Directives);
    }

    /// <summary>Narrows <paramref name="tasks"/> by status, assigned body and overdue (open and due before <paramref name="today"/>).</summary>
    public IQueryable<Directive> ApplyTaskCriteria(IQueryable<Directive> tasks, DateOnly today)
    {
        var query = tasks;
        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (Assignee is { } assignee)
        {
            query = query.Where(d => d.Assignees.Any(a => a.OrganisationId == assignee));
        }

        if (Overdue)
        {
            query = query.Where(d => d.Status == DirectiveStatus.Open && d.DueOn < today);
        }

        if (WithTarget)
        {
            query = query.Where(FigureDefinitions.WithTarget);
        }

        query = Target switch
        {
            TargetState.Reached => query.Where(FigureDefinitions.TargetReached),
            TargetState.NotReached => query.Where(FigureDefinitions.TargetNotReached),
            TargetState.NotReported => query.Where(FigureDefinitions.TargetNotReported),
            TargetState.None => query.Where(WithoutTarget),
            _ => query,
        };

        return query;
    }

    /// <summary>The filter as query values (only those set), for links that keep it.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Directive, bool>> WithoutTarget =
        System.Linq.Expressions.Expression.Lambda<Func<Directive, bool>>(System.Linq.Expressions.Expression.Not(FigureDefinitions.WithTarget.Body), FigureDefinitions.WithTarget.Parameters);

    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["assignee"] = Assignee?.ToString(CultureInfo.InvariantCulture),
            ["overdue"] = Overdue ? "true" : null,
            ["unit"] = Unit?.ToString(CultureInfo.InvariantCulture),
            ["published"] = Published ? "true" : null,
            ["withTarget"] = WithTarget ? "true" : null,
            ["target"] = Target?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }
}
