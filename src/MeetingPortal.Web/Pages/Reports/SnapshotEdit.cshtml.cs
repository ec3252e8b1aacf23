using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// A leader of the report's unit types its draft: the narrative, the number and issuer code, the place and date, and
/// the signature block (<see cref="EditReportDraft"/>). 404 outside the scope, 403 for anyone else; a report no longer a
/// draft shows why it cannot change.
/// </summary>
public sealed class SnapshotEditModel(MeetingPortalDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string UnitName { get; private set; } = string.Empty;
    public DateOnly FrozenOn { get; private set; }

    /// <summary>Whether the report is still a current draft (otherwise nothing can be typed).</summary>
    public bool IsEditable { get; private set; }

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (answer, report) = await LoadAsync(id, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        Input = new DraftInput
        {
            Revision = report!.Revision,
            Narrative = report.Narrative,
            Number = report.Number,
            IssuerCode = report.IssuerCode,
            Place = report.Place,
            IssuedOn = report.IssuedOn,
            OnBehalfOf = report.OnBehalfOf,
            SignerRole = report.SignerRole,
            SignerName = report.SignerName,
            Recipients = report.Recipients,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] EditReportDraft edit, CancellationToken cancellationToken)
    {
        // A date that cannot be read (31/02) stays beside its field; the use case is not called with a guess.
        if (!ModelState.IsValid)
        {
            var (refused, _) = await LoadAsync(id, cancellationToken);
            return refused ?? Page();
        }

        var result = await edit.ExecuteAsync(User, new EditReportDraftCommand(
            id, Input.Revision, Input.Narrative, Input.Number, Input.IssuerCode, Input.Place, Input.IssuedOn,
            Input.OnBehalfOf, Input.SignerRole, Input.SignerName, Input.Recipients), cancellationToken);
        return await this.AnswerAsync(result, nameof(Input),
            () =>
            {
                StatusMessage = localizer["OfficialReport.Saved"];
                return RedirectToPage("/Reports/Snapshot", new { id });
            },
            async () =>
            {
                var (refused, _) = await LoadAsync(id, cancellationToken);
                return refused ?? Page();
            });
    }

    /// <summary>Loads the report for the user: null and the report when they may type it, else the answer (404, 403).</summary>
    private async Task<(IActionResult? Answer, SummarySnapshot? Report)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Snapshots.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Report = s, u.Path, u.Name }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (NotFound(), null);
        }

        var access = await authorization.CheckAsync(User, new ReportResource(found.Path), ReportOperations.EditDraft);
        if (access != Access.Allowed)
        {
            return (access == Access.NotFound ? NotFound() : Forbid(), null);
        }

        Id = id;
        Title = found.Report.Title;
        UnitName = found.Name;
        FrozenOn = found.Report.FrozenOn;
        IsEditable = found.Report.IsEditable;
        return (null, found.Report);
    }

    /// <summary>The draft's fields as the form posts them, with the revision the page was drawn from.</summary>
    public sealed class DraftInput
    {
        public int Revision { get; set; }
        public string? Narrative { get; set; }
        public string? Number { get; set; }
        public string? IssuerCode { get; set; }
        public string? Place { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "OfficialReport.IssuedOn")]
        public DateOnly? IssuedOn { get; set; }

        public string? OnBehalfOf { get; set; }
        public string? SignerRole { get; set; }
        public string? SignerName { get; set; }
        public string? Recipients { get; set; }
    }
}
