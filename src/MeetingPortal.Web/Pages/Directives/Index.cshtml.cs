using MeetingPortal.Domain.Directives;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Directives;

/// <summary>Tasks that meeting conclusions assigned, in the user's scope: open, done, overdue.</summary>
public sealed class IndexModel(MeetingPortalDbContext db, CalendarService calendar) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public DirectiveStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>The unit whose subtree's meetings gave the tasks; clipped to the user's scope.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Only tasks of published meetings: what summaries count (<see cref="MeetingPortal.Domain.Reports.FigureDefinitions.CountedMeeting"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Published { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int TotalCount { get; private set; }
    public int DoneCount { get; private set; }
    public int OverdueCount { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Assignees { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = calendar.Today;
        var today = Today;
        var meetings = db.Meetings.AsNoTracking().InScope(User.GetScopeOrNone());
        if (Unit is { } unitId)
        {
            var subtree = await UnitOptions.SubtreeInScopeAsync(db, User.GetScopeOrNone(), unitId, cancellationToken);
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
        var inScope = meetings.SelectMany(m => m.Directives);
        OpenCount = await inScope.CountAsync(d => d.Status == DirectiveStatus.Open, cancellationToken);
        DoneCount = await inScope.CountAsync(d => d.Status == DirectiveStatus.Done, cancellationToken);
        OverdueCount = await inScope.CountAsync(d => d.Status == DirectiveStatus.Open && d.DueOn < today, cancellationToken);
        var assigneeIds = inScope.SelectMany(d => d.Assignees.Select(a => a.OrganisationId));
        Assignees = (await db.Organisations.AsNoTracking().Where(o => assigneeIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();

        var query = inScope;
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

        TotalCount = await query.CountAsync(cancellationToken);
        Items = await query
            .OrderBy(d => d.Status).ThenBy(d => d.DueOn == null).ThenBy(d => d.DueOn).ThenBy(d => d.Id)
            .Take(Shown)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new Row(
                d.Id, d.Content, d.Status, d.DueOn, m.Id, m.Title, m.HeldOn, m.Unit!.Name,
                d.Assignees.Select(a => a.Organisation!.Name).ToList(), d.Progress.Count()))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Content, DirectiveStatus Status, DateOnly? DueOn, int MeetingId, string MeetingTitle, DateOnly HeldOn, string UnitName,
        List<string> Assignees, int ReportCount);
}
