using MeetingPortal.Application.People;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>
/// The audit trail an Administrator may read: meeting history and every recommendation change in
/// their scope, filtered by who, what, when and unit, newest first.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class AuditModel(MeetingPortalDbContext db, IAuthorizationService authorization, PeopleNames peopleNames, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    /// <summary>"meeting", "recommendation", "plan", "settings" or "administration".</summary>
    [BindProperty(SupportsGet = true)]
    public string? What { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    public IReadOnlyList<Row> Items { get; private set; } = [];

    /// <summary>Who made each change, by full name.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;
    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];

    /// <summary>Whether changes to the national settings are listed: the top unit's administrators.</summary>
    public bool SeesNationalSettings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        SeesNationalSettings = await authorization.MayAsync(User, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings);
        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var within = Unit is { } unitId ? await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken) ?? new UnitScope(0, "/none/") : scope;
        var meetings = db.Meetings.AsNoTracking().InScope(within);
        // Dates are Vietnam days; the audit is kept in UTC.
        var fromUtc = From is { } from ? VietnamTime.StartUtc(from) : (DateTime?)null;
        var toUtc = To is { } to ? VietnamTime.EndUtc(to) : (DateTime?)null;
        var who = string.IsNullOrWhiteSpace(Who) ? null : Who.Trim();

        // The same who and when filter applies to every kind of change.
        var history = db.History.AsNoTracking()
            .Where(h => (who == null || h.UserName == who) && (fromUtc == null || h.AtUtc >= fromUtc) && (toUtc == null || h.AtUtc < toUtc));
        var rows = new List<Row>();
        if (What is null or "meeting")
        {
            var changes = history.Where(h => h.EntityType == nameof(Meeting))
                .Join(meetings, h => h.EntityId, m => m.Id, (h, m) => new { h, m.Title, UnitName = m.Unit!.Name });
            rows.AddRange((await changes.OrderByDescending(x => x.h.AtUtc).Take(Shown).ToListAsync(cancellationToken))
                .Select(x => new Row(x.h.AtUtc, x.h.UserName, "meeting", x.h.Action.ToString(), x.UnitName, x.Title, x.h.Reason, $"/Meetings/{x.h.EntityId}")));
        }

        // Dialogue plans (issue 18): each entry's changes, in the scope as the plan's pages reach it.
        if (What is null or "plan")
        {
            var entries = db.PlannedDialogues.AsNoTracking().InScope(within);
            var changes = history.Where(h => h.EntityType == nameof(Domain.Plans.PlannedDialogue))
                .Join(entries, h => h.EntityId, p => p.Id, (h, p) => new { h, p.Topic, UnitName = p.Unit!.Name });
            rows.AddRange((await changes.OrderByDescending(x => x.h.AtUtc).Take(Shown).ToListAsync(cancellationToken))
                .Select(x => new Row(x.h.AtUtc, x.h.UserName, "plan", x.h.Action.ToString(), x.UnitName, x.Topic, x.h.Reason, $"/Plans/Entry/{x.h.EntityId}")));
        }

        // Calendar and due-rule changes are national settings: only top-unit administrators see them.
        if ((What is null or "settings") && SeesNationalSettings)
        {
            var changes = history.Where(h => h.EntityType == nameof(CalendarDay) || h.EntityType == nameof(DueDateRule) || h.EntityType == nameof(Domain.Units.UnitLevel));
            rows.AddRange((await changes.OrderByDescending(h => h.AtUtc).Take(Shown).ToListAsync(cancellationToken))
                .Select(h => new Row(h.AtUtc, h.UserName, "settings", h.Action.ToString(), "—", h.Reason ?? EntityName(h.EntityType), null,
                    h.EntityType == nameof(CalendarDay) ? "/Admin/Calendar" : h.EntityType == nameof(DueDateRule) ? "/Admin/DueRules" : "/Admin/Units")));
        }

        // Units, organisations and accounts carry the unit they concern; themes are national.
        if (What is null or "administration")
        {
            var units = db.Units.AsNoTracking().InScope(within);
            var changes = history.Where(h => AdministrationTypes.Contains(h.EntityType))
                .Join(units, h => h.UnitId, u => (int?)u.Id, (h, u) => new { h, UnitName = u.Name });
            rows.AddRange((await changes.OrderByDescending(x => x.h.AtUtc).Take(Shown).ToListAsync(cancellationToken))
                .Select(x => new Row(x.h.AtUtc, x.h.UserName, "administration", x.h.Action.ToString(), x.UnitName, x.h.Reason ?? EntityName(x.h.EntityType), FormatChanges(x.h.Changes), AdministrationLink(x.h))));
            if (SeesNationalSettings && Unit is null)
            {
                var themes = history.Where(h => h.EntityType == nameof(Theme));
                rows.AddRange((await themes.OrderByDescending(h => h.AtUtc).Take(Shown).ToListAsync(cancellationToken))
                    .Select(h => new Row(h.AtUtc, h.UserName, "administration", h.Action.ToString(), "—", h.Reason ?? EntityName(h.EntityType), FormatChanges(h.Changes), "/Admin/Themes")));
            }
        }

        if (What is null or "recommendation")
        {
            var events = db.RecommendationEvents.AsNoTracking()
                .Where(e => (who == null || e.UserName == who) && (fromUtc == null || e.AtUtc >= fromUtc) && (toUtc == null || e.AtUtc < toUtc))
                .Join(db.Recommendations.InScope(within), e => e.RecommendationId, r => r.Id, (e, r) => new { e, r.Content, UnitName = r.Meeting!.Unit!.Name });
            rows.AddRange((await events.OrderByDescending(x => x.e.AtUtc).Take(Shown).ToListAsync(cancellationToken))
                .Select(x => new Row(x.e.AtUtc, x.e.UserName, "recommendation", x.e.Kind.ToString(), x.UnitName, x.Content, x.e.Note, $"/Recommendations/{x.e.RecommendationId}")));
        }

        Items = rows.OrderByDescending(r => r.AtUtc).Take(Shown).ToList();
        People = await peopleNames.ForAsync(Items.Select(r => r.UserName), cancellationToken);
        return Page();
    }

    private static readonly IReadOnlyList<string> AdministrationTypes = [nameof(Domain.Units.Unit), nameof(Organisation), "User"];

    private static string AdministrationLink(HistoryEntry entry) => entry.EntityType switch
    {
        nameof(Organisation) => $"/Admin/Organisations/{entry.EntityId}",
        "User" => "/Admin/Users",
        _ => "/Admin/Units",
    };

    /// <summary>A record's kind in words ("Tài khoản"), for a change recorded without a description.</summary>
    private string EntityName(string entityType) =>
        localizer["Audit.Entity." + entityType] is { ResourceNotFound: false } name ? name : entityType;

    /// <summary>
    /// The changed fields in the forms' words, with role and organisation kinds by their labels: the audit stores the
    /// code's names ("Roles: Recorder → Leader") so that it reads the same in any language.
    /// </summary>
    private string? FormatChanges(string? json) =>
        json is null ? null : string.Join("; ", AuditTrail.ReadChanges(json).Select(c =>
            $"{HistoryFieldNames.Of(localizer, c.Field)}: {ValueInWords(c.Field, c.From) ?? "—"} → {ValueInWords(c.Field, c.To) ?? "—"}"));

    private string? ValueInWords(string field, string? value) => value is null ? null : field switch
    {
        "Roles" => string.Join(", ", value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(r => Known("Role." + r) ?? r)),
        _ => HistoryFieldNames.ValueOf(localizer, value),
    };

    private string? Known(string key) => localizer[key] is { ResourceNotFound: false } text ? text.Value : null;

    public sealed record Row(DateTime AtUtc, string? UserName, string Kind, string Action, string UnitName, string Subject, string? Note, string Link);
}
