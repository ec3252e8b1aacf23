using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Admin.Users;

/// <summary>The accounts of the administrator's units, filtered by unit, name and state.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(MeetingPortalDbContext db, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"active", "inactive" or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    /// <summary>The list's filters with another page number.</summary>
    public Dictionary<string, string> PageRoute(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(Q))
        {
            route["q"] = Q;
        }

        if (Unit is { } unit)
        {
            route["unit"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(State))
        {
            route["state"] = State;
        }

        return route;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var within = Unit is { } unitId ? await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken) ?? new UnitScope(0, "/none/") : scope;
        var query = db.Users.AsNoTracking().InScope(within);
        // Folded like the meeting search: any case, with or without diacritics, composed or decomposed (ADR 0021).
        var folded = MeetingPortal.Domain.Common.TextNormalizer.FoldForSearch(Q);
        if (folded.Length > 0)
        {
            query = query.Where(u => u.SearchText.Contains(folded));
        }

        query = State switch
        {
            "active" => query.Where(u => u.IsActive),
            "inactive" => query.Where(u => !u.IsActive),
            _ => query,
        };

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var accounts = await query.OrderBy(u => u.Unit!.Path).ThenBy(u => u.UserName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.FullName, UnitName = u.Unit!.Name, UnitPath = u.Unit.Path, u.IsActive, u.MustChangePassword })
            .ToListAsync(cancellationToken);
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var rows = new List<Row>(accounts.Count);
        foreach (var a in accounts)
        {
            var manageable = await authorization.MayAsync(User, new AccountResource(a.Id, a.UnitPath, roles[a.Id].Contains(Roles.Administrator)), AdministrationOperations.ManageAccount);
            rows.Add(new Row(
                a.Id, a.UserName ?? string.Empty, a.FullName, a.UnitName, roles[a.Id].Order(StringComparer.Ordinal).ToList(), a.IsActive, a.MustChangePassword, manageable));
        }

        Items = rows;
        return Page();
    }

    public sealed record Row(string Id, string UserName, string FullName, string UnitName, IReadOnlyList<string> Roles, bool IsActive, bool MustChangePassword, bool Manageable);
}
