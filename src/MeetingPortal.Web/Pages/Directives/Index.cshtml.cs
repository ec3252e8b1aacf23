using MeetingPortal.Domain.Common;
using MeetingPortal.Application.Directives;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Directives;

/// <summary>Tasks that meeting conclusions assigned, in the user's scope: open, done, overdue.</summary>
public sealed class IndexModel(MeetingPortalDbContext db, CalendarService calendar) : PageModel
{
    public const int Shown = 200;

    /// <summary>The list's criteria, bound from the query string (names without a prefix: <c>?status=Open&amp;unit=3</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public DirectiveFilter Filter { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int TotalCount { get; private set; }
    public int DoneCount { get; private set; }
    public int OverdueCount { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Assignees { get; private set; } = [];

    /// <summary>The units in scope, to name the unit criterion.</summary>
    public IReadOnlyList<(int Id, string Label)> Units { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = calendar.Today;
        var today = Today;
        var scope = User.GetScopeOrNone();
        Units = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var inScope = await Filter.ApplyMeetingCriteriaAsync(db, scope, cancellationToken);
        OpenCount = await inScope.CountAsync(d => d.Status == DirectiveStatus.Open, cancellationToken);
        DoneCount = await inScope.CountAsync(d => d.Status == DirectiveStatus.Done, cancellationToken);
        OverdueCount = await inScope.CountAsync(d => d.Status == DirectiveStatus.Open && d.DueOn < today, cancellationToken);
        var assigneeIds = inScope.SelectMany(d => d.Assignees.Select(a => a.OrganisationId));
        Assignees = (await db.Organisations.AsNoTracking().Where(o => assigneeIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ByName(o => o.Name).WithChosen(Filter.Assignee);

        var query = Filter.ApplyTaskCriteria(inScope, today);
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
