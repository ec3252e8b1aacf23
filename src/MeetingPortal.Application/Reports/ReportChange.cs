using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>An official report a step is taken on, with what its rules need to know.</summary>
/// <param name="Report">The tracked report.</param>
/// <param name="HasLevelAbove">Whether the report's unit has a unit above it to send to.</param>
/// <param name="By">Who acts (user name).</param>
/// <param name="AtUtc">When (UTC).</param>
public sealed record ReportContext(SummarySnapshot Report, bool HasLevelAbove, string? By, DateTime AtUtc);

/// <summary>
/// The shape every step of an official report's way takes (draft, sign, send, receive; ADR 0017): load the report's
/// unit, authorize the named operation (404 out of scope, 403 for a missing role) before anything else is read, check
/// the revision the user's page was drawn from, let the use case call the domain, and save once. A broken rule (its
/// "Domain.{code}" message), refused input and a revision someone else moved on each leave nothing saved.
/// </summary>
public sealed class ReportChange(
    MeetingPortalDbContext db, IAuthorizationService authorization, ICurrentUser currentUser, TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// Runs <paramref name="act"/> on report <paramref name="id"/> as <paramref name="user"/>, who saw it at
    /// <paramref name="seenRevision"/>; <paramref name="act"/> returns the input's errors (none to save). The result's id
    /// is the report's.
    /// </summary>
    public async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int seenRevision, OperationAuthorizationRequirement operation,
        Func<ReportContext, Task<IReadOnlyList<UseCaseError>>> act, CancellationToken cancellationToken)
    {
        var found = await db.Snapshots.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { u.Path, u.ParentId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new ReportResource(found.Path), operation);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var report = await db.Snapshots.SingleAsync(s => s.Id == id, cancellationToken);
        if (report.Revision != seenRevision)
        {
            return UseCaseResult.Stale(localizer["OfficialReport.Stale"]);
        }

        try
        {
            var errors = await act(new ReportContext(report, found.ParentId is not null, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime));
            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return UseCaseResult.Invalid(errors);
            }

            // The revision is a concurrency token: a step saved by someone else since this one loaded refuses this one.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid(string.Empty, localizer.For(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Stale(localizer["OfficialReport.Stale"]);
        }

        return UseCaseResult.Done(report.Id);
    }
}
