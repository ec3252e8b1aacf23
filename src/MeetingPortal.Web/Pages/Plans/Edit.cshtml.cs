using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Plans;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Plans;

/// <summary>
/// Adds a dialogue to a unit's plan (unitId and year in the query) or changes one (its id in the route): for the unit's
/// Recorders and Administrators (403 for other roles, 404 out of scope). Refused input is shown again as typed.
/// </summary>
public sealed class EditModel(MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, SavePlannedDialogue save, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Kinds of bodies that host a dialogue: the Party committee, the authorities, the committee's commissions.</summary>
    private static readonly OrganisationKind[] HostKinds = [OrganisationKind.PartyCommittee, OrganisationKind.PeoplesCommittee, OrganisationKind.PeoplesCouncil, OrganisationKind.PartyCommission];

    /// <summary>Kinds of bodies that meet the host: the Front, the socio-political organisations, the associations.</summary>
    private static readonly OrganisationKind[] CounterpartKinds = [OrganisationKind.FatherlandFront, OrganisationKind.SocioPoliticalOrganisation, OrganisationKind.SpecialAssociation, OrganisationKind.VillageBranch];

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    /// <summary>The entry changed, or null for a new one.</summary>
    public int? Id { get; private set; }
    public int Version { get; private set; }
    public int UnitId { get; private set; }
    public int Year { get; private set; }
    public string UnitName { get; private set; } = string.Empty;
    public IReadOnlyList<(string Value, ReviewPeriod Period)> Periods { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Hosts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Counterparts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? unitId, int? year, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(id, unitId, year, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        if (id is not null)
        {
            var entry = await db.PlannedDialogues.AsNoTracking().Include(p => p.Counterparts).SingleAsync(p => p.Id == id, cancellationToken);
            Input = new EntryInput
            {
                Period = SavePlannedDialogue.ValueOf(entry.Period),
                Topic = entry.Topic,
                HostOrganisationId = entry.HostOrganisationId,
                Format = entry.PlannedFormat,
                WithPeople = entry.WithPeople,
                CounterpartIds = entry.Counterparts.Select(c => c.OrganisationId).ToList(),
            };
        }
        else
        {
            // The unit's Party committee hosts unless the recorder chooses otherwise.
            Input.HostOrganisationId = await db.Organisations.AsNoTracking().Where(o => o.UnitId == UnitId && o.Kind == OrganisationKind.PartyCommittee)
                .OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? unitId, int? year, int version, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(id, unitId, year, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        // A refused save shows the form again as of the version the user saw, so that saving it again after another tab's
        // save is still told it is stale rather than taking the newer version silently (issue 18 trial).
        Version = version;

        // A value that is no body's id (a hand-made "CounterpartIds=x") gets words beside the list, not the binder's message.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.CounterpartIds", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0).ToList())
        {
            ModelState.Remove(key);
            ModelState.AddModelError("Input.CounterpartIds", localizer["Plans.UnknownBody"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A year typed by hand that is no plan's year is refused by the use case, not replaced by this year.
        var command = new SavePlannedDialogueCommand(id, version, UnitId, year ?? Year, Input.Period, Input.Topic, Input.HostOrganisationId, Input.Format, Input.WithPeople, Input.CounterpartIds);
        var saved = await save.RunAsync(User, command, cancellationToken);
        return await this.AnswerAsync(saved, nameof(Input),
            () =>
            {
                Status = localizer["Plans.Saved"];
                return RedirectToPage("/Plans/Entry", new { id = saved.Id });
            },
            () => Task.FromResult<IActionResult>(Page()));
    }

    /// <summary>The message the entry's page shows after a save.</summary>
    [TempData]
    public string? Status { get; set; }

    // Null when the page may be shown; else the 404 or 403 to answer.
    private async Task<IActionResult?> LoadAsync(int? id, int? unitId, int? year, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var entry = await db.PlannedDialogues.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.UnitId, p.Year, p.Version }).SingleOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return NotFound();
            }

            (unitId, year, Version) = (entry.UnitId, entry.Year, entry.Version);
        }

        var scope = User.GetScopeOrNone();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == (unitId ?? scope.UnitId)).Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }

        var access = await authorization.CheckAsync(User, new PlanResource(unit.Path), PlanOperations.Write);
        if (access != Access.Allowed)
        {
            return access == Access.NotFound ? NotFound() : Forbid();
        }

        Id = id;
        UnitId = unit.Id;
        UnitName = unit.Name;
        Year = year is { } y && ReviewPeriod.IsValidYear(y) ? y : calendar.Today.Year;
        Periods = SavePlannedDialogue.PeriodsOf(Year).ToList();
        var bodies = await db.Organisations.AsNoTracking().Where(o => o.UnitId == unit.Id).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(cancellationToken);
        Hosts = bodies.Where(b => HostKinds.Contains(b.Kind)).OrderBy(b => b.Name, VietnameseOrder.Names).Select(b => (b.Id, b.Name)).ToList();
        Counterparts = bodies.Where(b => CounterpartKinds.Contains(b.Kind)).OrderBy(b => b.Name, VietnameseOrder.Names).Select(b => (b.Id, b.Name)).ToList();
        return null;
    }

    /// <summary>The entry as typed.</summary>
    public sealed class EntryInput
    {
        /// <summary>"Quarter-{1..4}" or "Month-{1..12}" of the plan's year.</summary>
        [Display(Name = "Plans.Period")]
        public string? Period { get; set; }

        [Display(Name = "Plans.Topic")]
        public string? Topic { get; set; }

        [Display(Name = "Plans.Host")]
        public int? HostOrganisationId { get; set; }

        [Display(Name = "Plans.Format")]
        public MeetingFormat Format { get; set; }

        [Display(Name = "Plans.People")]
        public bool WithPeople { get; set; }

        [Display(Name = "Plans.Counterparts")]
        public List<int> CounterpartIds { get; set; } = [];
    }
}
