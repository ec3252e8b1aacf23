using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Plans;

/// <summary>A recommendation gathered for the dialogue, as the agenda lists it (the state as of the linked meeting's status).</summary>
public sealed record AgendaItem(
    int Id, int Version, string Content, string? Theme, string RaisedBy, string? AddressedTo, DateOnly SubmittedOn,
    GatheredRecommendationState State, int? RecommendationId);

/// <summary>A speech of the linked meeting a gathered recommendation may be raised in: its order and who spoke.</summary>
public sealed record AgendaSpeech(int Id, int Order, string Label);

/// <summary>A recommendation already in the linked meeting's record and linked to no gathered one: its order and text.</summary>
public sealed record AgendaRecorded(int Id, int Order, string Content);

/// <summary>
/// The agenda of a planned dialogue (issue 18, deliver 2): the entry, what the raising bodies gathered for it, the
/// unresolved matters carried over from the unit's earlier dialogues, and, once a meeting is linked, its speeches.
/// </summary>
public sealed record AgendaView(
    int EntryId, string UnitName, int UnitId, ReviewPeriod Period, string Topic, int? MeetingId, string? MeetingTitle, DateOnly? HeldOn,
    bool MeetingPublished, bool MayArrange, IReadOnlyList<AgendaItem> Gathered, IReadOnlyList<CarriedMatter> CarriedOver,
    IReadOnlyList<AgendaSpeech> Speeches, IReadOnlyList<AgendaRecorded> Recorded);

/// <summary>
/// The host office's agenda for a planned dialogue (ADR 0026): reads it for anyone who may read the plan, and puts a
/// gathered recommendation on the agenda or off it, or raises it at the linked meeting as one of the meeting's
/// recommendations with its text copied (never typed again). Each change loads, authorizes
/// <see cref="GatheredRecommendationOperations.Arrange"/> (and, to raise, <see cref="MeetingOperations.Edit"/> on the
/// meeting), calls the domain and saves once as of the version the user saw.
/// </summary>
public sealed class DialogueAgenda(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, CalendarService calendar, MeetingChoices choices,
    TimeProvider timeProvider, ICurrentUser currentUser, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The agenda of entry <paramref name="id"/>; null (404) when unknown or out of scope, or Forbidden-free: every reader of the plan reads it.</summary>
    public async Task<(Access Access, AgendaView? View)> LoadAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var entry = await db.PlannedDialogues.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.UnitId, Path = p.Unit!.Path, UnitName = p.Unit.Name, p.PeriodKind, p.Year, p.PeriodNumber, p.Topic, p.MeetingId,
                MeetingTitle = p.Meeting!.Title, HeldOn = (DateOnly?)p.Meeting.HeldOn, MeetingStatus = (MeetingStatus?)p.Meeting.Status, p.StartsOn,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return (Access.NotFound, null);
        }

        var access = await authorization.CheckAsync(user, new PlanResource(entry.Path), PlanOperations.Read);
        if (access != Access.Allowed)
        {
            return (access, null);
        }

        var published = entry.MeetingStatus == MeetingStatus.Published;
        var gathered = (await db.GatheredRecommendations.AsNoTracking().Where(g => g.PlannedDialogueId == id)
                .OrderBy(g => g.SubmittedOn).ThenBy(g => g.Id)
                .Select(g => new
                {
                    g.Id, g.Version, g.Content, Theme = g.Theme!.Name, RaisedBy = g.RaisedByOrganisation!.Name, AddressedTo = g.AddressedToOrganisation!.Name,
                    g.SubmittedOn, g.OnAgenda, g.RecommendationId,
                })
                .ToListAsync(cancellationToken))
            .Select(g => new AgendaItem(
                g.Id, g.Version, g.Content, g.Theme, g.RaisedBy, g.AddressedTo, g.SubmittedOn,
                GatheredRecommendation.StateOf(g.RecommendationId is not null, g.OnAgenda, published),
                g.RecommendationId))
            .ToList();
        var today = calendar.Today;
        var carried = await CarriedOverMatters.ForUnitAsync(db, entry.UnitId, entry.HeldOn ?? today.AddDays(1), entry.MeetingId, today, cancellationToken);
        var speeches = entry.MeetingId is { } meetingId
            ? (await db.Speeches.AsNoTracking().Where(s => s.MeetingId == meetingId).OrderBy(s => s.Order)
                    .Select(s => new { s.Id, s.Order, s.SpeakerTitle, Speaker = s.Speaker!.FullName, Body = s.Organisation!.Name })
                    .ToListAsync(cancellationToken))
                .Select(s => new AgendaSpeech(s.Id, s.Order, string.Join(", ", new[] { s.Speaker, s.SpeakerTitle, s.Body }.Where(x => !string.IsNullOrWhiteSpace(x)))))
                .ToList()
            : [];
        var recorded = entry.MeetingId is { } linked
            ? await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == linked && !db.GatheredRecommendations.Any(g => g.RecommendationId == r.Id))
                .OrderBy(r => r.Order).Select(r => new AgendaRecorded(r.Id, r.Order, r.Content)).ToListAsync(cancellationToken)
            : [];
        var mayArrange = await authorization.MayAsync(user, new GatheredRecommendationResource(entry.Path, 0, false), GatheredRecommendationOperations.Arrange);
        return (Access.Allowed, new AgendaView(
            entry.Id, entry.UnitName, entry.UnitId, new ReviewPeriod(entry.PeriodKind, entry.Year, entry.PeriodNumber), entry.Topic, entry.MeetingId,
            entry.MeetingTitle, entry.HeldOn, published, mayArrange, gathered, carried, speeches, recorded));
    }

    /// <summary>Puts gathered recommendation <paramref name="id"/> on the agenda (<paramref name="onAgenda"/>) or takes it off.</summary>
    public Task<UseCaseResult> PutOnAgendaAsync(ClaimsPrincipal user, int id, int version, bool onAgenda, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, (gathered, unitId) =>
        {
            gathered.PutOnAgenda(onAgenda);
            audit.Record(nameof(GatheredRecommendation), gathered.Id, HistoryAction.Updated, localizer[onAgenda ? "Gathered.History.OnAgenda" : "Gathered.History.OffAgenda"], unitId);
            return Task.FromResult<List<UseCaseError>?>([]);
        }, cancellationToken);

    /// <summary>
    /// Raises gathered recommendation <paramref name="id"/> at the meeting linked to its entry, in speech
    /// <paramref name="speechId"/> (one of that meeting's; required, as the record keeps every recommendation in a speech),
    /// and gives it to the body the raising side named (with the due-date rules' date) when that body is one of the
    /// meeting unit's lineage. Refused in words when no meeting is linked yet; 404 when the meeting is out of scope.
    /// </summary>
    public Task<UseCaseResult> RaiseAsync(ClaimsPrincipal user, int id, int version, int? speechId, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, async (gathered, unitId) =>
        {
            var (meeting, refusal) = await LinkedMeetingAsync(user, gathered, "SpeechId", cancellationToken);
            if (meeting is null)
            {
                return refusal;
            }

            if (speechId is not { } sid || meeting.Speeches.SingleOrDefault(s => s.Id == sid) is not { } speech)
            {
                return [new UseCaseError("SpeechId", localizer[meeting.Speeches.Count == 0 ? "Gathered.NoSpeeches" : "Gathered.ChooseSpeech"])];
            }

            var recommendation = gathered.RaiseAt(meeting, speech);
            if (gathered.AddressedToOrganisationId is { } body && await choices.BodyOfUnitAsync(meeting.UnitId, body, cancellationToken) is { IsBody: true } found)
            {
                var policy = await calendar.PolicyAsync(cancellationToken);
                var by = new Actor(currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
                recommendation.AssignTo(body, policy.Resolve(null, calendar.Today, recommendation.ThemeId, found.LevelRank), by);
            }

            meeting.RefreshSearchText();
            audit.Record(nameof(GatheredRecommendation), gathered.Id, HistoryAction.Updated, localizer["Gathered.History.Raised", meeting.Title], unitId);
            // The record changed as if typed into its form: its version moves on (an edit begun before is stale, not
            // silently undone) and its history says what came in, from where, in the form's own field names.
            db.SaveAsOf(meeting, meeting.Version);
            var place = meeting.Recommendations.Count(r => r.Speech == speech);
            audit.Record(nameof(Meeting), meeting.Id, HistoryAction.Updated, localizer["Gathered.History.RaisedInRecord"], meeting.UnitId,
                [new FieldChange($"Speeches[{speech.Order}].Recommendations[{place}]", null, gathered.Content)], meeting.Version + 1);
            return [];
        }, cancellationToken);

    /// <summary>
    /// Links gathered recommendation <paramref name="id"/> to recommendation <paramref name="recommendationId"/>, which the
    /// recorder already typed into the record of the meeting linked to its entry (so it is not raised twice). One of
    /// another meeting, or already linked to another gathered one, is refused beside the choice.
    /// </summary>
    public Task<UseCaseResult> LinkRaisedAsync(ClaimsPrincipal user, int id, int version, int? recommendationId, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, async (gathered, unitId) =>
        {
            var (meeting, refusal) = await LinkedMeetingAsync(user, gathered, "RecommendationId", cancellationToken);
            if (meeting is null)
            {
                return refusal;
            }

            if (recommendationId is not { } rid || meeting.Recommendations.SingleOrDefault(r => r.Id == rid) is not { } recommendation
                || await db.GatheredRecommendations.AnyAsync(g => g.RecommendationId == rid, cancellationToken))
            {
                return [new UseCaseError("RecommendationId", localizer["Gathered.ChooseRecommendation"])];
            }

            gathered.LinkRaised(recommendation);
            audit.Record(nameof(GatheredRecommendation), gathered.Id, HistoryAction.Updated, localizer["Gathered.History.Raised", meeting.Title], unitId);
            return [];
        }, cancellationToken);

    // The meeting linked to the gathered one's entry, tracked with its speeches and recommendations, once the user may
    // edit it; else null and the refusal (null itself for "not found": the meeting is out of the user's scope).
    private async Task<(Meeting? Meeting, List<UseCaseError>? Refusal)> LinkedMeetingAsync(
        ClaimsPrincipal user, GatheredRecommendation gathered, string field, CancellationToken cancellationToken)
    {
        if (gathered.PlannedDialogue!.MeetingId is not { } meetingId)
        {
            return (null, [new UseCaseError(field, localizer["Gathered.NoMeeting"])]);
        }

        var meeting = await db.Meetings.Include(m => m.Unit).Include(m => m.Speeches).Include(m => m.Recommendations).AsSplitQuery()
            .SingleAsync(m => m.Id == meetingId, cancellationToken);
        var access = await authorization.CheckAsync(user, new MeetingResource(meeting.Unit!.Path), MeetingOperations.Edit);
        return access switch
        {
            Access.Allowed => (meeting, null),
            Access.NotFound => (null, null),
            _ => (null, [new UseCaseError(string.Empty, localizer["Gathered.MayNotEditMeeting"])]),
        };
    }

    // act returns null for "not found" (a meeting out of scope), else the messages that refuse the change.
    private async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int version, Func<GatheredRecommendation, int, Task<List<UseCaseError>?>> act, CancellationToken cancellationToken)
    {
        var key = await db.GatheredRecommendations.AsNoTracking().Where(g => g.Id == id)
            .Select(g => new { g.PlannedDialogue!.Unit!.Path, g.RaisedByOrganisationId }).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new GatheredRecommendationResource(key.Path, key.RaisedByOrganisationId, true), GatheredRecommendationOperations.Arrange);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var gathered = await db.GatheredRecommendations.Include(g => g.PlannedDialogue).SingleAsync(g => g.Id == id, cancellationToken);
        var stale = localizer["Gathered.Stale"];
        // Two clerks raised the same one at once: the unique index (or the version) refused the second.
        return await AggregateChange.SaveAsync(db, gathered, version, async () => await act(gathered, gathered.PlannedDialogue!.UnitId),
            localizer, stale, cancellationToken, onConflict: UseCaseResult.Stale(stale));
    }
}
