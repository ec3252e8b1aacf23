using MeetingPortal.Application.Administration;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Units;

/// <summary>The administrator's units as a tree, with a form to add a unit below one of them (<see cref="ChangeUnits"/>).</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(
    MeetingPortalDbContext db, ChangeUnits changeUnits, IStringLocalizer<SharedResource> localizer, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public NewUnitInput Input { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> ParentChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Levels { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await changeUnits.AddAsync(User, Input, cancellationToken);
        return await this.AnswerAsync(result, nameof(Input),
            () =>
            {
                Status = localizer["Units.Added", Input.Name];
                return RedirectToPage();
            },
            async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        ParentChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Levels = (await db.UnitLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Id, l.Name)).ToList();
        var units = await db.Units.AsNoTracking().InScope(scope).OrderBy(u => u.Path)
            .Select(u => new
            {
                u.Id,
                u.Code,
                u.Name,
                u.Path,
                Level = u.Level!.Name,
                u.MergedIntoId,
                u.RetiredOn,
                MergedInto = db.Units.Where(t => t.Id == u.MergedIntoId).Select(t => t.Name).FirstOrDefault(),
                Meetings = db.Meetings.Count(m => m.UnitId == u.Id),
                Accounts = db.Users.Count(a => a.UnitId == u.Id),
            })
            .ToListAsync(cancellationToken);
        var rootDepth = units.Count == 0 ? 0 : units.Min(u => Depth(u.Path));
        var rows = new List<Row>(units.Count);
        foreach (var u in units)
        {
            var manageable = await authorization.MayAsync(User, new UnitResource(u.Path), AdministrationOperations.ManageUnit);
            rows.Add(new Row(u.Id, u.Code, u.Name, u.Level, Depth(u.Path) - rootDepth, u.MergedInto, u.Meetings, u.Accounts, manageable) { RetiredOn = u.RetiredOn });
        }

        Items = rows;
    }

    private static int Depth(string path) => path.Count(c => c == '/');

    public sealed record Row(int Id, string Code, string Name, string Level, int Depth, string? MergedInto, int Meetings, int Accounts, bool Manageable)
    {
        /// <summary>The first Vietnam day the unit no longer stood (its level retired), or null.</summary>
        public DateOnly? RetiredOn { get; init; }
    }
}
