using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Raising;

/// <summary>A planned dialogue as the raising side names it: the host unit, the period, the topic (Vietnam dates).</summary>
public sealed record DialogueLabel(int Id, string UnitName, ReviewPeriod Period, string Topic, DateOnly EndsOn);

/// <summary>A recommendation the body sent, where it stands, and whether it may still be changed or withdrawn.</summary>
public sealed record SentItem(
    int Id, int Version, string Content, string? Theme, string? AddressedTo, DateOnly SubmittedOn, GatheredRecommendationState State,
    bool MayChange, DialogueLabel Dialogue);

/// <summary>What the body sent before dialogues, the most recent first, and the dialogues it may send to now.</summary>
public sealed record SentList(string BodyName, IReadOnlyList<SentItem> Items, IReadOnlyList<DialogueLabel> Open);

/// <summary>
/// One recommendation the body sent, as its change form reads it: the stored values (<see cref="Input"/>, with the
/// stored version), its dialogue, the names of its theme and addressed body, where it stands, and whether the body may
/// still change it (<see cref="GatheredRecommendation.MayChange"/>, and its dialogue not held).
/// </summary>
public sealed record SentForEdit(
    GatheredInput Input, int EntryId, string? Theme, string? AddressedTo, GatheredRecommendationState State, bool MayChange, DialogueLabel Dialogue);

/// <summary>The send form's choices for one dialogue: the themes and the bodies of the host unit's lineage.</summary>
public sealed record SendChoices(DialogueLabel Dialogue, IReadOnlyList<(int Id, string Name)> Themes, IReadOnlyList<(int Id, string Name)> Bodies);

/// <summary>
/// The raising side's view of what it gathered before dialogues (issue 18, deliver 2; ADR 0026): read by the body on
/// the Raiser's account, never by a unit's scope. A dialogue is open to the body while it gathers
/// (<see cref="GatheredRecommendation.IsGathering"/>) and the body takes part in it (a body of its unit, its host or a
/// counterpart), for this year's and last year's plans.
/// </summary>
public sealed class GatheredForBody(MeetingPortalDbContext db, CalendarService calendar, MeetingChoices choices)
{
    /// <summary>The list of <paramref name="user"/>'s body; null when the account is not a Raiser with a body.</summary>
    public async Task<SentList?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Body(user) is not { } body)
        {
            return null;
        }

        var bodyName = await db.Organisations.AsNoTracking().Where(o => o.Id == body).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (bodyName is null)
        {
            return null;
        }

        var items = (await db.GatheredRecommendations.AsNoTracking().Where(g => g.RaisedByOrganisationId == body)
                .OrderByDescending(g => g.SubmittedOn).ThenByDescending(g => g.Id)
                .Select(g => new
                {
                    g.Id, g.Version, g.Content, Theme = g.Theme!.Name, AddressedTo = g.AddressedToOrganisation!.Name, g.SubmittedOn, g.OnAgenda,
                    g.RecommendationId, Published = g.PlannedDialogue!.Meeting!.Status == MeetingStatus.Published,
                    Dialogue = new { g.PlannedDialogue.Id, UnitName = g.PlannedDialogue.Unit!.Name, g.PlannedDialogue.PeriodKind, g.PlannedDialogue.Year, g.PlannedDialogue.PeriodNumber, g.PlannedDialogue.Topic, g.PlannedDialogue.EndsOn },
                })
                .ToListAsync(cancellationToken))
            .Select(g => new SentItem(
                g.Id, g.Version, g.Content, g.Theme, g.AddressedTo, g.SubmittedOn,
                GatheredRecommendation.StateOf(g.RecommendationId is not null, g.OnAgenda, g.Published),
                !g.OnAgenda && g.RecommendationId is null && !g.Published,
                new DialogueLabel(g.Dialogue.Id, g.Dialogue.UnitName, new ReviewPeriod(g.Dialogue.PeriodKind, g.Dialogue.Year, g.Dialogue.PeriodNumber), g.Dialogue.Topic, g.Dialogue.EndsOn)))
            .ToList();
        return new SentList(bodyName, items, await OpenDialoguesAsync(body, null, cancellationToken));
    }

    /// <summary>
    /// The send form's choices for dialogue <paramref name="entryId"/>; null (404) when <paramref name="user"/>'s body may
    /// not send to it (unknown, not open, or a dialogue it takes no part in).
    /// </summary>
    public async Task<SendChoices?> ChoicesAsync(ClaimsPrincipal user, int entryId, CancellationToken cancellationToken)
    {
        if (Body(user) is not { } body || (await OpenDialoguesAsync(body, entryId, cancellationToken)).SingleOrDefault() is not { } dialogue)
        {
            return null;
        }

        var unitId = await db.PlannedDialogues.AsNoTracking().Where(p => p.Id == entryId).Select(p => p.UnitId).SingleAsync(cancellationToken);
        var themes = (await db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Name)).ToList();
        return new SendChoices(dialogue, themes, await choices.BodiesForUnitAsync(unitId, cancellationToken));
    }

    /// <summary>
    /// Gathered recommendation <paramref name="id"/> of <paramref name="user"/>'s body as the form shows it, with its
    /// dialogue, where it stands and whether the body may still change it (the list's rule: not on the agenda, not raised,
    /// its dialogue not held); null (404) for another body's or an unknown one.
    /// </summary>
    public async Task<SentForEdit?> ForEditAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        if (Body(user) is not { } body)
        {
            return null;
        }

        var found = await db.GatheredRecommendations.AsNoTracking().Where(g => g.Id == id && g.RaisedByOrganisationId == body)
            .Select(g => new
            {
                g.PlannedDialogueId, g.Content, g.ThemeId, g.AddressedToOrganisationId, g.Version, Theme = g.Theme!.Name,
                AddressedTo = g.AddressedToOrganisation!.Name, g.OnAgenda, g.RecommendationId,
                Published = g.PlannedDialogue!.Meeting!.Status == MeetingStatus.Published,
                Dialogue = new { g.PlannedDialogue.Id, UnitName = g.PlannedDialogue.Unit!.Name, g.PlannedDialogue.PeriodKind, g.PlannedDialogue.Year, g.PlannedDialogue.PeriodNumber, g.PlannedDialogue.Topic, g.PlannedDialogue.EndsOn },
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new SentForEdit(
            new GatheredInput
            {
                PlannedDialogueId = found.PlannedDialogueId,
                Content = found.Content,
                ThemeId = found.ThemeId,
                AddressedToOrganisationId = found.AddressedToOrganisationId,
                Version = found.Version,
            },
            found.PlannedDialogueId,
            found.Theme,
            found.AddressedTo,
            GatheredRecommendation.StateOf(found.RecommendationId is not null, found.OnAgenda, found.Published),
            !found.OnAgenda && found.RecommendationId is null && !found.Published,
            new DialogueLabel(found.Dialogue.Id, found.Dialogue.UnitName, new ReviewPeriod(found.Dialogue.PeriodKind, found.Dialogue.Year, found.Dialogue.PeriodNumber), found.Dialogue.Topic, found.Dialogue.EndsOn));
    }

    private static int? Body(ClaimsPrincipal user) => user.IsInRole(Roles.Raiser) ? user.GetOrganisationId() : null;

    // The dialogues open to the body (one, when entryId is given), the soonest ending first.
    private async Task<List<DialogueLabel>> OpenDialoguesAsync(int body, int? entryId, CancellationToken cancellationToken)
    {
        var bodyUnit = await db.Organisations.AsNoTracking().Where(o => o.Id == body).Select(o => (int?)o.UnitId).SingleOrDefaultAsync(cancellationToken);
        var fromYear = calendar.Today.Year - 1;
        return (await db.PlannedDialogues.AsNoTracking()
                .Where(p => entryId == null || p.Id == entryId)
                .Where(p => p.Year >= fromYear && p.CancelledOn == null && (p.Meeting == null || p.Meeting.Status != MeetingStatus.Published))
                .Where(p => p.UnitId == bodyUnit || p.HostOrganisationId == body || p.Counterparts.Any(c => c.OrganisationId == body))
                .OrderBy(p => p.EndsOn).ThenBy(p => p.Id)
                .Select(p => new { p.Id, UnitName = p.Unit!.Name, p.PeriodKind, p.Year, p.PeriodNumber, p.Topic, p.EndsOn })
                .ToListAsync(cancellationToken))
            .Select(p => new DialogueLabel(p.Id, p.UnitName, new ReviewPeriod(p.PeriodKind, p.Year, p.PeriodNumber), p.Topic, p.EndsOn))
            .ToList();
    }
}
