using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Submissions;

/// <summary>
/// The store behind one-time form tokens: the first post of a token claims it (a primary key refuses a
/// second claim, on one server or several), records where it sent the browser, and a replay reads that.
/// </summary>
public sealed class FormSubmissions(MeetingPortalDbContext db, TimeProvider timeProvider)
{
    /// <summary>How long a replay waits for the first post of its token to finish before giving up.</summary>
    public static readonly TimeSpan ReplayWait = TimeSpan.FromSeconds(15);

    /// <summary>Claims <paramref name="token"/> for <paramref name="userName"/>; false when it was claimed before (a replay).</summary>
    public async Task<bool> TryClaimAsync(string token, string userName, CancellationToken cancellationToken)
    {
        // A replay that comes after the first post is seen here without an INSERT (and without EF logging the refused one).
        if (await db.FormSubmissions.AnyAsync(s => s.Token == token && s.UserName == userName, cancellationToken))
        {
            return false;
        }

        var row = db.FormSubmissions.Add(new FormSubmission(token, userName, timeProvider.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Claims <paramref name="token"/>, or, when an earlier post holds it, waits for that post: Claimed when this post
    /// is to be acted on (first, or the earlier one changed nothing and freed the token, as a double click on a form
    /// with a mistake does); otherwise the URL the earlier post sent the browser to (null: it did not finish in time).
    /// </summary>
    public async Task<(bool Claimed, string? Outcome)> ClaimOrAwaitAsync(string token, string userName, CancellationToken cancellationToken)
    {
        if (await TryClaimAsync(token, userName, cancellationToken))
        {
            return (true, null);
        }

        var outcome = await WaitForOutcomeAsync(token, userName, cancellationToken);
        return outcome is null && await TryClaimAsync(token, userName, cancellationToken) ? (true, null) : (false, outcome);
    }

    /// <summary>Records where the first post sent the browser (a local URL), for replays to be sent there too.</summary>
    public Task CompleteAsync(string token, string userName, string outcomeUrl, CancellationToken cancellationToken) =>
        db.FormSubmissions.Where(s => s.Token == token && s.UserName == userName)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.OutcomeUrl, outcomeUrl), cancellationToken);

    /// <summary>Keeps what the first post produced (a report shown after the redirect).</summary>
    public Task SavePayloadAsync(string token, string userName, string payload, CancellationToken cancellationToken) =>
        db.FormSubmissions.Where(s => s.Token == token && s.UserName == userName)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Payload, payload), cancellationToken);

    /// <summary>What the post of <paramref name="token"/> by <paramref name="userName"/> produced, if anything.</summary>
    public Task<string?> PayloadAsync(string token, string userName, CancellationToken cancellationToken) =>
        db.FormSubmissions.AsNoTracking().Where(s => s.Token == token && s.UserName == userName).Select(s => s.Payload).SingleOrDefaultAsync(cancellationToken);

    /// <summary>How long a token is kept: it only matters while someone might resend a form, and a day is plenty.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>Deletes the tokens older than <see cref="KeptFor"/>; returns how many.</summary>
    public Task<int> ForgetExpiredAsync(CancellationToken cancellationToken)
    {
        var expired = timeProvider.GetUtcNow().UtcDateTime - KeptFor;
        return db.FormSubmissions.Where(s => s.CreatedAtUtc < expired).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Frees a token whose post changed nothing (refused input, an error), so the corrected form can be sent.</summary>
    public Task ForgetAsync(string token, string userName, CancellationToken cancellationToken) =>
        db.FormSubmissions.Where(s => s.Token == token && s.UserName == userName).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// For a replay: waits (up to <see cref="ReplayWait"/>) for the first post to finish and returns where it
    /// went; null if it did not finish or changed nothing.
    /// </summary>
    public async Task<string?> WaitForOutcomeAsync(string token, string userName, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + ReplayWait;
        while (true)
        {
            var row = await db.FormSubmissions.AsNoTracking().Where(s => s.Token == token && s.UserName == userName)
                .Select(s => new { s.OutcomeUrl }).SingleOrDefaultAsync(cancellationToken);
            if (row is null || row.OutcomeUrl is not null || timeProvider.GetUtcNow() >= until)
            {
                return row?.OutcomeUrl;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, cancellationToken);
        }
    }
}
