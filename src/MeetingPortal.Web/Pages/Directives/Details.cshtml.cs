using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Directives;

/// <summary>One task: its progress reports; an assignee's Responder or a Tracker reports, completes or reopens it.</summary>
public sealed class DetailsModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, ICurrentUser currentUser,
    TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer, IValidator<DetailsModel.ReportInput> validator) : PageModel
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

    public Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Report", async d =>
        {
            (await validator.ValidateAsync(Report, cancellationToken)).AddTo(ModelState, nameof(Report));
            if (Report.ReportedOn is { } on && (on > Today || on < Item.HeldOn))
            {
                ModelState.AddModelError($"{nameof(Report)}.{nameof(ReportInput.ReportedOn)}", localizer["Directives.ReportDate"]);
            }

            if (!ModelState.IsValid)
            {
                return false;
            }

            var body = User.GetOrganisationId() is { } mine && Item.AssigneeIds.Contains(mine) ? mine : (int?)null;
            d.ReportProgress(Report.ReportedOn ?? Today, Report.Text!.Trim(), body, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
            return true;
        }, cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Done", d =>
        {
            d.MarkDone(Today);
            return Task.FromResult(true);
        }, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, "Reopen", d =>
        {
            d.Reopen();
            return Task.FromResult(true);
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(int id, string action, Func<Directive, Task<bool>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayAct)
        {
            return Forbid();
        }

        var directive = await db.Directives.Include(d => d.Progress).SingleAsync(d => d.Id == id, cancellationToken);
        try
        {
            if (!await act(directive))
            {
                return Page();
            }

            db.Entry(directive).Property(d => d.ChangedAtUtc).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, localizer["Domain." + ex.Code] is { ResourceNotFound: false } message ? message : localizer["Form.CannotApply"]);
            return Page();
        }

        Status = localizer["Directives.Done." + action];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.Directives.AsNoTracking().AsSplitQuery().Where(d => d.Id == id)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new View
            {
                Id = d.Id,
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

    public sealed class ReportValidator : AbstractValidator<ReportInput>
    {
        public ReportValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Text).NotEmpty().MaximumLength(DirectiveProgress.TextMaxLength).WithName(_ => localizer["Directives.ReportText"]);
        }
    }
}
