using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Results;

/// <summary>
/// Publishes a dialogue's results to the public, or takes them down, and sets which recommendations the public page
/// shows (ADR 0025 section 5). Authorizes <see cref="MeetingOperations.PublishResults"/> (404 out of scope, 403 for a
/// missing role), calls <see cref="PublicResults.Set"/> and saves once, as of the version the user saw, with a line in
/// the meeting's history.
/// </summary>
public sealed class PublishResults(MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// Sets meeting <paramref name="meetingId"/>'s public results: shown or not (<paramref name="publish"/>), with the
    /// recommendations <paramref name="publicRecommendationIds"/> on it and no other.
    /// </summary>
    /// <param name="version">The version of the public results the user saw; 0 when there were none.</param>
    /// <returns>Done with the meeting's id; Invalid ("Publish") for a draft meeting or an item of another meeting; Stale when someone changed them since.</returns>
    public async Task<UseCaseResult> SaveAsync(
        ClaimsPrincipal user, int meetingId, int version, bool publish, IReadOnlyCollection<int> publicRecommendationIds, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.Unit!.Path, m.UnitId, m.Status, Ids = m.Recommendations.Select(r => r.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new MeetingResource(meeting.Path), MeetingOperations.PublishResults);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var results = await db.PublicResults.Include(p => p.Items).SingleOrDefaultAsync(p => p.MeetingId == meetingId, cancellationToken);
        if ((results?.Version ?? 0) != version)
        {
            return UseCaseResult.Stale(localizer["Results.Stale"]);
        }

        var wasPublished = results?.IsPublished == true;
        try
        {
            if (results is null)
            {
                results = PublicResults.Start(meetingId);
                db.PublicResults.Add(results);
            }
            else
            {
                db.SaveAsOf(results, version);
            }

            results.Set(publish, publicRecommendationIds, meeting.Status, meeting.Ids, time.GetUtcNow().UtcDateTime);
            var what = publish == wasPublished ? "Results.History.Changed" : publish ? "Results.History.Published" : "Results.History.Unpublished";
            audit.Record(nameof(Meeting), meetingId, HistoryAction.Updated, localizer[what, results.Items.Count], meeting.UnitId);
            await db.SaveChangesAsync(cancellationToken);
            return UseCaseResult.Done(meetingId);
        }
        catch (Domain.Common.DomainException ex)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid("Publish", localizer.For(ex));
        }
        catch (DbUpdateException)
        {
            // A concurrency failure, or another tab that made the meeting's first public results at the same moment (unique index).
            db.ChangeTracker.Clear();
            return UseCaseResult.Stale(localizer["Results.Stale"]);
        }
    }
}
