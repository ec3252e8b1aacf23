using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Raising;

/// <summary>What a raising body sends before a dialogue: for which planned dialogue, what, on which theme, to which body.</summary>
public sealed class GatheredInput
{
    [Display(Name = "Gathered.PlannedDialogue")]
    public int? PlannedDialogueId { get; set; }

    [Display(Name = "Gathered.Content")]
    public string? Content { get; set; }

    [Display(Name = "Recommendation.Theme")]
    public int? ThemeId { get; set; }

    [Display(Name = "Recommendation.AddressedTo")]
    public int? AddressedToOrganisationId { get; set; }

    /// <summary>The raising body, chosen by the host's office when it types in what came on paper; a Raiser's is their own.</summary>
    [Display(Name = "Recommendation.RaisedBy")]
    public int? RaisedByOrganisationId { get; set; }

    /// <summary>The version the user saw (0 for a new one).</summary>
    [Display(Name = "Form.Version")]
    public int Version { get; set; }
}

/// <summary>
/// The raising side sends a recommendation before a planned dialogue, changes it or withdraws it while the host has not
/// taken it up (issue 18, deliver 2; ADR 0026). Each loads the entry, authorizes
/// <see cref="GatheredRecommendationOperations.Send"/> (a Raiser for their own body, to a dialogue it takes part in; the
/// plan's Recorders for a body of the dialogue), checks the input, calls the domain and saves once with a history row.
/// </summary>
public sealed class SendGatheredRecommendation(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, CalendarService calendar, MeetingChoices choices,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Sends a new one; the result's id is the new record's. Unknown or out-of-reach entry: 404.</summary>
    public async Task<UseCaseResult> SendAsync(ClaimsPrincipal user, GatheredInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UseCaseError>();
        if (input.PlannedDialogueId is not { } entryId)
        {
            errors.Add(new UseCaseError(nameof(GatheredInput.PlannedDialogueId), localizer["Gathered.ChooseDialogue"]));
            CheckContent(input.Content, errors);
            return UseCaseResult.Invalid(errors);
        }

        var body = RaisingBody(user, input);
        var entry = await db.PlannedDialogues.Include(p => p.Meeting).Include(p => p.Counterparts).Include(p => p.Unit)
            .SingleOrDefaultAsync(p => p.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return UseCaseResult.NotFound;
        }

        var takesPart = body is { } b && await TakesPartAsync(entry, b, cancellationToken);
        var access = await authorization.CheckAsync(user, new GatheredRecommendationResource(entry.Unit!.Path, body ?? 0, takesPart), GatheredRecommendationOperations.Send);
        if (access != Access.Allowed)
        {
            // The host's office choosing a body that does not take part is a mistake in the form, not a lack of right.
            if (access == Access.Forbidden && !user.IsInRole(Roles.Raiser) && user.Covers(entry.Unit.Path)
                && (await authorization.CheckAsync(user, new GatheredRecommendationResource(entry.Unit.Path, 0, true), GatheredRecommendationOperations.Send)) == Access.Allowed)
            {
                errors.Add(new UseCaseError(nameof(GatheredInput.RaisedByOrganisationId), localizer["Gathered.ChooseRaisingBody"]));
                return UseCaseResult.Invalid(errors);
            }

            return UseCaseResult.Refused(access);
        }

        if (!GatheredRecommendation.IsGathering(entry))
        {
            errors.Add(new UseCaseError(nameof(GatheredInput.PlannedDialogueId), localizer["Domain.gathered.closed"]));
        }

        await CheckAsync(input, entry.UnitId, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var gathered = new GatheredRecommendation(entry, input.Content!, body!.Value, calendar.Today)
        {
            ThemeId = input.ThemeId,
            AddressedToOrganisationId = input.AddressedToOrganisationId,
        };
        db.GatheredRecommendations.Add(gathered);

        // The history row needs the new id: both saves stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(nameof(GatheredRecommendation), gathered.Id, HistoryAction.Created, Cut(gathered.Content), entry.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(gathered.Id);
    }

    /// <summary>Changes gathered recommendation <paramref name="id"/> as of the version the user saw; refused once taken up.</summary>
    public Task<UseCaseResult> ChangeAsync(ClaimsPrincipal user, int id, GatheredInput input, CancellationToken cancellationToken) =>
        RunAsync(user, id, input.Version, async (gathered, unitId) =>
        {
            var errors = new List<UseCaseError>();
            if (!gathered.MayChange)
            {
                return [new UseCaseError(string.Empty, localizer["Domain.gathered.taken"])];
            }

            await CheckAsync(input, unitId, errors, cancellationToken);
            if (errors.Count == 0)
            {
                gathered.Change(input.Content!, input.ThemeId, input.AddressedToOrganisationId);
                audit.Record(nameof(GatheredRecommendation), gathered.Id, HistoryAction.Updated, Cut(gathered.Content), unitId);
            }

            return errors;
        }, cancellationToken);

    /// <summary>Withdraws gathered recommendation <paramref name="id"/> (deletes it) while the host has not taken it up.</summary>
    public Task<UseCaseResult> WithdrawAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, (gathered, unitId) =>
        {
            if (!gathered.MayChange)
            {
                return Task.FromResult<List<UseCaseError>>([new UseCaseError(string.Empty, localizer["Domain.gathered.taken"])]);
            }

            db.GatheredRecommendations.Remove(gathered);
            audit.Record(nameof(GatheredRecommendation), gathered.Id, HistoryAction.Removed, Cut(gathered.Content), unitId);
            return Task.FromResult<List<UseCaseError>>([]);
        }, cancellationToken);

    /// <summary>
    /// Whether <paramref name="body"/> takes part in <paramref name="entry"/>: a body of the plan's unit, its host, or a
    /// counterpart it names (the counterparts must be loaded).
    /// </summary>
    public async Task<bool> TakesPartAsync(PlannedDialogue entry, int body, CancellationToken cancellationToken) =>
        entry.HostOrganisationId == body || entry.Counterparts.Any(c => c.OrganisationId == body)
        || await db.Organisations.AnyAsync(o => o.Id == body && o.UnitId == entry.UnitId, cancellationToken);

    private static int? RaisingBody(ClaimsPrincipal user, GatheredInput input) =>
        user.IsInRole(Roles.Raiser) ? user.GetOrganisationId() : input.RaisedByOrganisationId;

    private async Task CheckAsync(GatheredInput input, int planUnitId, List<UseCaseError> errors, CancellationToken cancellationToken)
    {
        CheckContent(input.Content, errors);
        if (input.ThemeId is { } theme && !await db.Themes.AnyAsync(t => t.Id == theme, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(GatheredInput.ThemeId), localizer["Gathered.ChooseTheme"]));
        }

        // The body asked to answer is one of the plan unit's lineage, as for an assignment at the meeting.
        if (input.AddressedToOrganisationId is { } addressed && !(await choices.BodyOfUnitAsync(planUnitId, addressed, cancellationToken)).IsBody)
        {
            errors.Add(new UseCaseError(nameof(GatheredInput.AddressedToOrganisationId), localizer["Action.ChooseBody"]));
        }
    }

    private void CheckContent(string? content, List<UseCaseError> errors)
    {
        var text = content?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > GatheredRecommendation.ContentMaxLength)
        {
            errors.Add(new UseCaseError(nameof(GatheredInput.Content), localizer["Domain.gathered.content", GatheredRecommendation.ContentMaxLength]));
        }
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int version, Func<GatheredRecommendation, int, Task<List<UseCaseError>>> act, CancellationToken cancellationToken)
    {
        var gathered = await db.GatheredRecommendations.Include(g => g.PlannedDialogue!).ThenInclude(p => p!.Unit)
            .Include(g => g.PlannedDialogue!).ThenInclude(p => p!.Counterparts)
            .Include(g => g.PlannedDialogue!).ThenInclude(p => p!.Meeting)
            .AsSplitQuery()
            .SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (gathered is null)
        {
            return UseCaseResult.NotFound;
        }

        var entry = gathered.PlannedDialogue!;
        var takesPart = await TakesPartAsync(entry, gathered.RaisedByOrganisationId, cancellationToken);
        var access = await authorization.CheckAsync(user, new GatheredRecommendationResource(entry.Unit!.Path, gathered.RaisedByOrganisationId, takesPart), GatheredRecommendationOperations.Send);
        if (access != Access.Allowed)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Refused(access);
        }

        return await AggregateChange.SaveAsync(db, gathered, version, async () =>
            // Once the dialogue is held (or taken off the plan), what was sent stands as it was: raised or not raised.
            GatheredRecommendation.IsGathering(entry)
                ? await act(gathered, entry.UnitId)
                : [new UseCaseError(string.Empty, localizer["Domain.gathered.closed"])],
            localizer, localizer["Gathered.Stale"], cancellationToken);
    }
}
