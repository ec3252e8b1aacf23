using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Common;

/// <summary>
/// The end every change to a loaded aggregate shares: let the use case call the domain, then save the root as of
/// the version the user saw. A root already saved past that version, refused input, a broken domain rule (its "Domain.{code}" message) and a version
/// someone else saved in between (the stale message given) each leave nothing saved and nothing tracked.
/// </summary>
internal static class AggregateChange
{
    public static async Task<UseCaseResult> SaveAsync(
        MeetingPortalDbContext db, Entity root, int seenVersion, Func<Task<IReadOnlyList<UseCaseError>>> act,
        IStringLocalizer<SharedResource> localizer, string staleMessage, CancellationToken cancellationToken)
    {
        // Before acting: a stale page wins over a domain refusal, and nothing (a stored file) is done for it.
        if (root.Version != seenVersion)
        {
            return UseCaseResult.Stale(staleMessage);
        }

        try
        {
            var errors = await act();
            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return UseCaseResult.Invalid(errors);
            }

            db.SaveAsOf(root, seenVersion);
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
            return UseCaseResult.Stale(staleMessage);
        }

        return UseCaseResult.Done(root.Id);
    }
}
