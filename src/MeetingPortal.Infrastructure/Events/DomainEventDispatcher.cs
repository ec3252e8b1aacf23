using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Events;

/// <summary>Acts on the domain events of a save that succeeded.</summary>
public interface IDomainEventDispatcher
{
    /// <summary>Handles <paramref name="events"/> (in the order raised) and saves what they cause.</summary>
    Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Turns what happened into who must hear of it: the one place notifications come from, whichever
/// door (form, import, command line) made the change. A recommendation of a draft meeting tells nobody
/// until the meeting is published (<see cref="Recommendation.IsFollowed"/>: every door that raises these
/// events has the meeting loaded); each recommendation and kind is notified once per save. The raising body's Raisers
/// hear of answers and of its roadmap (ADR 0026).
/// </summary>
public sealed class NotifyingDispatcher(MeetingPortalDbContext db, Notifier notifier) : IDomainEventDispatcher
{
    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var sent = new HashSet<(int, NotificationKind, bool)>();
        async Task ToBodyAsync(Recommendation r, NotificationKind kind)
        {
            if (r.IsFollowed && sent.Add((r.Id, kind, true)))
            {
                await notifier.ToBodyAsync(r, kind, cancellationToken);
            }
        }

        async Task ToRaisingUnitAsync(Recommendation r, NotificationKind kind)
        {
            if (r.IsFollowed && sent.Add((r.Id, kind, false)))
            {
                await notifier.ToRaisingUnitAsync(r, kind, cancellationToken);
            }
        }

        async Task ToRaisersAsync(Recommendation r, NotificationKind kind)
        {
            if (r.IsFollowed && sent.Add((-r.Id, kind, false)))
            {
                await notifier.ToRaisersAsync(r, kind, cancellationToken);
            }
        }

        foreach (var domainEvent in events)
        {
            switch (domainEvent)
            {
                case MeetingPublished e:
                    foreach (var r in e.Meeting.Recommendations.Where(r => r.AddressedToOrganisationId is not null && RecommendationStatuses.AwaitingAnswer.Contains(r.Status)))
                    {
                        await ToBodyAsync(r, NotificationKind.Assigned);
                    }

                    break;
                case RecommendationAssigned e when RecommendationStatuses.AwaitingAnswer.Contains(e.Recommendation.Status):
                    await ToBodyAsync(e.Recommendation, NotificationKind.Assigned);
                    break;
                case RecommendationForwarded e:
                    await ToBodyAsync(e.Recommendation, NotificationKind.Forwarded);
                    break;
                case RecommendationReturned e:
                    await ToBodyAsync(e.Recommendation, NotificationKind.Returned);
                    await ToRaisingUnitAsync(e.Recommendation, NotificationKind.Returned);
                    break;
                case RecommendationAnswered e:
                    await ToRaisingUnitAsync(e.Recommendation, NotificationKind.Answered);
                    await ToRaisersAsync(e.Recommendation, NotificationKind.Answered);
                    break;
                case RecommendationReopened e:
                    await ToBodyAsync(e.Recommendation, NotificationKind.Reopened);
                    break;
                case RoadmapPlanned e:
                    await ToRaisingUnitAsync(e.Recommendation, NotificationKind.RoadmapPlanned);
                    await ToRaisersAsync(e.Recommendation, NotificationKind.RoadmapPlanned);
                    break;
                case MilestoneDone e:
                    await ToRaisingUnitAsync(e.Recommendation, NotificationKind.MilestoneDone);
                    await ToRaisersAsync(e.Recommendation, NotificationKind.MilestoneDone);
                    break;
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>For writers of past records in bulk (the data generator), which write the notifications they want themselves.</summary>
public sealed class DiscardingDispatcher : IDomainEventDispatcher
{
    public Task DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
}
