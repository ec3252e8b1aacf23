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
    /// <summary>
    /// Runs <paramref name="act"/> on <paramref name="root"/> and saves it as of <paramref name="seenVersion"/>.
    /// </summary>
    /// <param name="act">Calls the domain; returns the input's errors (none to save), or null when something it looked up
    /// is unknown or out of the user's scope (the answer is then 404, nothing saved).</param>
    /// <param name="ruleField">The field a broken domain rule's message goes beside ("" for the whole form).</param>
    /// <param name="onConflict">The answer when the save is refused by a unique index (another user's save of the same
    /// link at the same moment); null lets that error through.</param>
    /// <returns>Done with the root's id; Invalid, Stale or NotFound as above.</returns>
    public static async Task<UseCaseResult> SaveAsync(
        MeetingPortalDbContext db, Entity root, int seenVersion, Func<Task<IReadOnlyList<UseCaseError>?>> act,
        IStringLocalizer<SharedResource> localizer, string staleMessage, CancellationToken cancellationToken,
        string ruleField = "", UseCaseResult? onConflict = null)
    {
        // Before acting: a stale page wins over a domain refusal, and nothing (a stored file) is done for it.
        if (root.Version != seenVersion)
        {
            return UseCaseResult.Stale(staleMessage);
        }

        try
        {
            var errors = await act();
            if (errors is null || errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return errors is null ? UseCaseResult.NotFound : UseCaseResult.Invalid(errors);
            }

            db.SaveAsOf(root, seenVersion);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid(ruleField, localizer.For(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Stale(staleMessage);
        }
        catch (DbUpdateException) when (onConflict is not null)
        {
            db.ChangeTracker.Clear();
            return onConflict;
        }

        return UseCaseResult.Done(root.Id);
    }
}
