using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Directives;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Directives;

/// <summary>One task: its progress reports; an assignee's Responder or a Tracker reports, completes or reopens it.</summary>
public sealed class DetailsModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, DirectiveActions actions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ReportInput Report { get; set; } = new();

    public View Item { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public bool MayAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Report", () => actions.ReportAsync(User, new ReportProgressCommand(id, version, Report.ReportedOn, Report.Text), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDoneAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Done", () => actions.MarkDoneAsync(User, id, version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(int id, int version, CancellationToken cancellationToken) =>
        await ShowAsync(id, "Reopen", () => actions.ReopenAsync(User, id, version, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs the use case unless a value could not be read (then its message shows beside the field), and shows
    /// the outcome: done goes back to the page with its message, refused is 404 or 403, refused input is shown again.
    /// </summary>
    private async Task<IActionResult> ShowAsync(int id, string action, Func<Task<UseCaseResult>> useCase, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await this.AnswerAsync(await useCase(), nameof(Report),
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
                MeetingId = m.Id,
                MeetingTitle = m.Title,
                HeldOn = m.HeldOn,
                UnitPath = m.Unit!.Path,
                AssigneeIds = d.Assignees.Select(a => a.OrganisationId).ToList(),
                Assignees = d.Assignees.Select(a => a.Organisation!.Name).ToList(),
                Reports = d.Progress.OrderBy(p => p.ReportedOn).ThenBy(p => p.Id)
                    .Select(p => new ReportView(p.ReportedOn, p.Text, p.ReportedBy)).ToList(),
            }).SingleOrDefaultAsync(cancellationToken);
        if (item is null || !await authorization.MayAsync(User, new DirectiveResource(item.UnitPath, item.AssigneeIds), DirectiveOperations.Read))
        {
            return false;
        }

        Item = item;
        MayAct = await authorization.MayAsync(User, new DirectiveResource(item.UnitPath, item.AssigneeIds), DirectiveOperations.Act);
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
        public int MeetingId { get; init; }
        public required string MeetingTitle { get; init; }
        public DateOnly HeldOn { get; init; }
        public required string UnitPath { get; init; }
        public required List<int> AssigneeIds { get; init; }
        public required List<string> Assignees { get; init; }
        public required List<ReportView> Reports { get; init; }
    }

    public sealed record ReportView(DateOnly ReportedOn, string Text, string? ReportedBy);

    public sealed class ReportInput
    {
        [Display(Name = "Directives.ReportedOn")]
        public DateOnly? ReportedOn { get; set; }

        [Display(Name = "Directives.ReportText")]
        public string? Text { get; set; }
    }
}
