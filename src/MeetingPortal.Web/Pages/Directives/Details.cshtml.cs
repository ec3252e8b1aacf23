using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Directives;
using MeetingPortal.Application.People;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Directives;

/// <summary>One task: its progress reports; an assignee's Responder or a Tracker reports, completes or reopens it.</summary>
public sealed class DetailsModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, DirectiveActions actions, IStringLocalizer<SharedResource> localizer, PeopleNames peopleNames) : PageModel
{
    /// <summary>Who reported each piece of progress, by full name.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    /// <summary>The target form as typed (numbers as text, so "92,5" and "92.5" both reach the use case).</summary>
    [BindProperty]
    public TargetInput Target { get; set; } = new();

    /// <summary>Whether the user may set the task's target (<see cref="DirectiveOperations.SetTarget"/>).</summary>
    public bool MaySetTarget { get; private set; }

    /// <summary>Where the task stands against its target, by the domain's rule.</summary>
    public TargetState TargetState { get; private set; }

    public View Item { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public bool MayAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Report", nameof(Report), () => actions.ReportAsync(User, new ReportProgressCommand(id, version, Report.ReportedOn, Report.Text, Report.Value), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostTargetAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Target", nameof(Target), () => actions.SetTargetAsync(User, new SetTargetCommand(id, version, Target.Measure, Target.Low, Target.High, Target.Unit), cancellationToken), cancellationToken);

    /// <summary>The groups ticked on the assignment form (ADR 0020).</summary>
    [BindProperty]
    public List<int> GroupIds { get; set; } = [];

    /// <summary>Whether the user may give the task to groups (<see cref="DirectiveOperations.AssignGroups"/>).</summary>
    public bool MayAssignGroups { get; private set; }

    /// <summary>The groups of the meeting's unit and the units above it, offered on the assignment form.</summary>
    public IReadOnlyList<GroupChoice> GroupChoices { get; private set; } = [];

    public async Task<IActionResult> OnPostGroupsAsync(int id, int version, CancellationToken cancellationToken)
    {
        // A value that is no group's id (a hand-made "GroupIds=") gets words, not the binder's message about an unnamed list item.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(GroupIds), StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0).ToList())
        {
            ModelState.Remove(key);
            ModelState.AddModelError(nameof(GroupIds), localizer["Directives.GroupsInvalid"]);
        }

        return await ShowAsync(id, "Groups", nameof(GroupIds), () => actions.AssignGroupsAsync(User, new AssignGroupsCommand(id, version, GroupIds), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Done", nameof(Report), () => actions.MarkDoneAsync(User, id, version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Reopen", nameof(Report), () => actions.ReopenAsync(User, id, version, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs the use case unless a value could not be read (then its message shows beside the field), and shows
    /// the outcome: done goes back to the page with its message, refused is 404 or 403, refused input is shown again.
    /// </summary>
    private async Task<IActionResult> ShowAsync(int id, string action, string prefix, Func<Task<UseCaseResult>> useCase, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await this.AnswerAsync(await useCase(), prefix,
            () =>
            {
                Status = localizer["Directives.Done." + action];
                return RedirectToPage(new { id });
            },
            async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.Directives.AsNoTracking().AsSplitQuery().Where(d => d.Id == id)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new View
            {
                Id = d.Id,
                Version = d.Version,
                Content = d.Content,
                Status = d.Status,
                DueOn = d.DueOn,
                DoneOn = d.DoneOn,
                TargetMeasure = d.TargetMeasure,
                TargetLow = d.TargetLow,
                TargetHigh = d.TargetHigh,
                TargetUnit = d.TargetUnit,
                LatestValue = d.LatestValue,
                LatestValueOn = d.LatestValueOn,
                MeetingId = m.Id,
                MeetingTitle = m.Title,
                HeldOn = m.HeldOn,
                UnitPath = m.Unit!.Path,
                AssigneeIds = d.Assignees.Select(a => a.OrganisationId).ToList(),
                Assignees = d.Assignees.Select(a => a.Organisation!.Name).ToList(),
                Groups = d.GroupAssignees.OrderBy(a => EF.Functions.Collate(a.BodyGroup!.Name, VietnameseOrder.CollationName)).ThenBy(a => a.BodyGroupId).Select(a => new GroupView(
                    a.BodyGroupId, a.BodyGroup!.Name,
                    a.BodyGroup.Members.OrderBy(x => EF.Functions.Collate(x.Organisation!.Name, VietnameseOrder.CollationName)).ThenBy(x => x.OrganisationId).Select(x => new MemberView(x.OrganisationId, x.Organisation!.Name)).ToList())).ToList(),
                Reports = d.Progress.OrderBy(p => p.ReportedOn).ThenBy(p => p.Id)
                    .Select(p => new ReportView(p.ReportedOn, p.Text, p.ReportedBy, p.Value)).ToList(),
            }).SingleOrDefaultAsync(cancellationToken);
        // A member of a group the task is given to acts on it as an assigned body does (ADR 0020).
        var resource = item is null ? null
            : new DirectiveResource(item.UnitPath, [.. item.AssigneeIds, .. item.Groups.SelectMany(g => g.Members.Select(m => m.OrganisationId))]);
        if (item is null || !await authorization.MayAsync(User, resource!, DirectiveOperations.Read))
        {
            return false;
        }

        // The bodies the meeting gave the task to, under their names of the meeting's day (ADR 0018), as the meeting
        // page and the minutes name them; the groups are today's classes of bodies, named as they stand.
        var then = await NamesOnDate.OrganisationsAsync(db, item.AssigneeIds, item.HeldOn, cancellationToken);
        var today = await db.Organisations.AsNoTracking().Where(o => item.AssigneeIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        item.Assignees.Clear();
        item.Assignees.AddRange(item.AssigneeIds.Select(id => then.Or(id, today.GetValueOrDefault(id)) ?? string.Empty));
        ShownNames.OrderTogether(item.AssigneeIds, item.Assignees);

        Item = item;
        People = await peopleNames.ForAsync(item.Reports.Select(r => r.ReportedBy), cancellationToken);
        MayAct = await authorization.MayAsync(User, resource!, DirectiveOperations.Act);
        MaySetTarget = await authorization.MayAsync(User, resource!, DirectiveOperations.SetTarget);
        MayAssignGroups = await authorization.MayAsync(User, resource!, DirectiveOperations.AssignGroups);
        if (item.Groups.Count > 0)
        {
            // Each member's latest report, by the domain's one rule (Directive.LatestProgressOf).
            var task = await db.Directives.AsNoTracking().Include(x => x.Progress).SingleAsync(x => x.Id == id, cancellationToken);
            foreach (var member in item.Groups.SelectMany(g => g.Members))
            {
                member.Latest = task.LatestProgressOf(member.OrganisationId) is { } latest
                    ? new ReportView(latest.ReportedOn, latest.Text, latest.ReportedBy, latest.Value) : null;
            }
        }

        if (MayAssignGroups)
        {
            var lineage = MeetingPortal.Domain.Units.Unit.IdsOf(item.UnitPath);
            GroupChoices = (await db.BodyGroups.AsNoTracking().Where(g => lineage.Contains(g.UnitId))
                .Select(g => new GroupChoice(g.Id, g.Name, g.Unit!.Name)).ToListAsync(cancellationToken)).ByName(g => g.Name);
            if (Request.Method != HttpMethods.Post)
            {
                GroupIds = item.Groups.Select(g => g.Id).ToList();
            }
        }

        // The one rule (Directive.ReachesTarget) decides, asked of the stored row rather than restated here.
        TargetState = item.TargetMeasure is null ? TargetState.None
            : item.LatestValue is null ? TargetState.NotReported
            : await db.Directives.Where(d => d.Id == id).AnyAsync(FigureDefinitions.TargetReached, cancellationToken) ? TargetState.Reached : TargetState.NotReached;
        if (Request.Method != HttpMethods.Post || Target.Measure is null && Target.Low is null && Target.High is null && Target.Unit is null)
        {
            // The form starts from the target as stored, numbers as a Vietnamese reader writes them.
            Target = new TargetInput { Measure = item.TargetMeasure, Low = TargetWording.Number(item.TargetLow), High = TargetWording.Number(item.TargetHigh), Unit = item.TargetUnit };
        }
        Today = calendar.Today;
        return true;
    }

    public sealed class View
    {
        public int Id { get; init; }
        public int Version { get; init; }
        public required string Content { get; init; }
        public DirectiveStatus Status { get; init; }
        public DateOnly? DueOn { get; init; }
        public DateOnly? DoneOn { get; init; }
        public string? TargetMeasure { get; init; }
        public double? TargetLow { get; init; }
        public double? TargetHigh { get; init; }
        public string? TargetUnit { get; init; }
        public double? LatestValue { get; init; }
        public DateOnly? LatestValueOn { get; init; }
        public int MeetingId { get; init; }
        public required string MeetingTitle { get; init; }
        public DateOnly HeldOn { get; init; }
        public required string UnitPath { get; init; }
        public required List<int> AssigneeIds { get; init; }
        public required List<string> Assignees { get; init; }
        public required List<ReportView> Reports { get; init; }

        /// <summary>The groups the task is given to, each with its known members (ADR 0020).</summary>
        public List<GroupView> Groups { get; init; } = [];
    }

    /// <summary>A group the task is given to, with the bodies known to belong to it.</summary>
    public sealed record GroupView(int Id, string Name, List<MemberView> Members);

    /// <summary>A member body of a group and its latest progress report (null: none yet).</summary>
    public sealed record MemberView(int OrganisationId, string Name)
    {
        public ReportView? Latest { get; set; }
    }

    /// <summary>A group that may be picked, with the unit it belongs to.</summary>
    public sealed record GroupChoice(int Id, string Name, string UnitName);

    public sealed record ReportView(DateOnly ReportedOn, string Text, string? ReportedBy, double? Value);

    /// <summary>The target in words (<see cref="TargetWording"/>).</summary>
    public string TargetText(View d) => TargetWording.Of(localizer, d.TargetMeasure!, d.TargetLow, d.TargetHigh, d.TargetUnit);

    public sealed class ReportInput
    {
        [Display(Name = "Directives.ReportedOn")]
        public DateOnly? ReportedOn { get; set; }

        [Display(Name = "Directives.ReportText")]
        public string? Text { get; set; }

        [Display(Name = "Directives.ReportValue")]
        public string? Value { get; set; }
    }

    /// <summary>The target form: the measure, the two bounds as typed, the unit.</summary>
    public sealed class TargetInput
    {
        [Display(Name = "Directives.TargetMeasure")]
        public string? Measure { get; set; }

        [Display(Name = "Directives.TargetLow")]
        public string? Low { get; set; }

        [Display(Name = "Directives.TargetHigh")]
        public string? High { get; set; }

        [Display(Name = "Directives.TargetUnit")]
        public string? Unit { get; set; }
    }
}
