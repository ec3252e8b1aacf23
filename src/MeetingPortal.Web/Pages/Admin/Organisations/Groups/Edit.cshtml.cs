using MeetingPortal.Application.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Organisations.Groups;

/// <summary>
/// One group of bodies (ADR 0020): renamed and given its known members (<see cref="EditBodyGroup"/>), or deleted when no
/// record uses it (<see cref="DeleteBodyGroup"/>). 404 outside the administrator's units, 403 without the role.
/// </summary>
public sealed class EditModel(BodyGroupAdministration groups, EditBodyGroup editGroup, DeleteBodyGroup deleteGroup, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public BodyGroupInput Input { get; set; } = new();

    public string CurrentName { get; private set; } = string.Empty;
    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = string.Empty;
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];
    public int Meetings { get; private set; }
    public int Tasks { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepTyped: false, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A member id that is no number was not read: saving the rest would drop that member unasked.
            return await LoadAsync(id, keepTyped: true, cancellationToken) ?? Page();
        }

        var result = await editGroup.RunAsync(User, id, Input, cancellationToken);
        if (result.Succeeded)
        {
            Status = localizer["Groups.Saved", Input.Name];
            return RedirectToPage("/Admin/Organisations/Groups/Index", new { unit = await UnitOfAsync(id, cancellationToken) });
        }

        return await ShowAgainAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var (group, _) = await groups.ReadAsync(User, id, cancellationToken);
        var result = await deleteGroup.RunAsync(User, id, cancellationToken);
        if (result.Succeeded)
        {
            Status = localizer["Groups.Deleted", group!.Name];
            return RedirectToPage("/Admin/Organisations/Groups/Index", new { unit = group.UnitId });
        }

        return await ShowAgainAsync(id, result, cancellationToken);
    }

    /// <summary>The page again with the use case's messages; what was typed stays (a refused delete shows the group as saved).</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, Application.Common.UseCaseResult result, CancellationToken cancellationToken)
    {
        if (this.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        if (await LoadAsync(id, keepTyped: Request.Query["handler"].Count == 0, cancellationToken) is { } gone)
        {
            return gone;
        }

        result.AddTo(ModelState, nameof(Input));
        return Page();
    }

    private async Task<int?> UnitOfAsync(int id, CancellationToken cancellationToken) =>
        (await groups.ReadAsync(User, id, cancellationToken)).Group?.UnitId;

    private async Task<IActionResult?> LoadAsync(int id, bool keepTyped, CancellationToken cancellationToken)
    {
        var (group, refusal) = await groups.ReadAsync(User, id, cancellationToken);
        if (group is null)
        {
            return this.RefusalFor(refusal!);
        }

        CurrentName = group.Name;
        UnitId = group.UnitId;
        UnitName = group.UnitName;
        Bodies = group.Bodies;
        Meetings = group.Meetings;
        Tasks = group.Tasks;
        if (!keepTyped)
        {
            Input = new BodyGroupInput { Name = group.Name, MemberIds = group.MemberIds.ToList() };
        }

        return null;
    }
}
