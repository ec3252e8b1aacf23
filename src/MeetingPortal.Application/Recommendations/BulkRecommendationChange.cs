using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>
/// One recommendation of a bulk action and what became of it.
/// </summary>
/// <param name="Id">The recommendation's id, as selected.</param>
/// <param name="Label">The start of its content, or null when the user may not read it (out of scope or unknown): nothing of
/// such an item is shown but its number.</param>
/// <param name="Reason">Why it was refused (in the user's language); null for an item done.</param>
public sealed record BulkItem(int Id, string? Label, string? Reason);

/// <summary>How a bulk action ended.</summary>
public enum BulkStatus
{
    /// <summary>Every item was tried: <see cref="BulkResult.Done"/> were saved together, <see cref="BulkResult.Refused"/> were not touched.</summary>
    Done = 1,

    /// <summary>The selection or the shared input was refused (messages beside the fields); no item was tried.</summary>
    Invalid = 2,

    /// <summary>The items that passed could not be saved together, so none of them was changed (a page-wide message).</summary>
    NotSaved = 3,
}

/// <summary>
/// The outcome of a bulk action: the items done, the items refused each with its reason, the messages for the form, and how
/// many ids were selected more than once (each is acted on once).
/// </summary>
public sealed record BulkResult(BulkStatus Status, IReadOnlyList<BulkItem> Done, IReadOnlyList<BulkItem> Refused, IReadOnlyList<UseCaseError> Errors, int Duplicates = 0)
{
    /// <summary>The selection or the shared input was refused before any item was tried.</summary>
    public static BulkResult Invalid(IReadOnlyList<UseCaseError> errors) => new(BulkStatus.Invalid, [], [], errors);
}

/// <summary>
/// The shape every bulk action on recommendations takes (issue 18 part 4, ADR 0025 section 4): for each selected id, the same
/// load and authorization as one item (<see cref="RecommendationChange.LoadManyAsync"/>, the single use case's named operation),
/// then the single use case's own per-item part, which calls the same domain method. An item out of scope, one the user's
/// role may not act on, one in a wrong state or one the input does not fit is refused with its reason and left untouched;
/// the rest are saved in one <c>SaveChanges</c> (one transaction), so a failure there changes none. Each changed item raises
/// its own events, history step and notifications, as one action does.
/// </summary>
public sealed class BulkRecommendationChange(RecommendationChange change, MeetingPortalDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// The most items one action takes (200): a district's tracker page shows 25, and a dialogue's conclusion hands on at
    /// most a few dozen at once (the district conclusion of 15/8/2022: five); more is likely a mistake, and each item is
    /// loaded and checked one by one.
    /// </summary>
    public const int MaxItems = 200;

    /// <summary>The form field a message about the selection goes beside.</summary>
    public const string SelectionField = "Ids";

    /// <summary>How long an item's label is, in characters, before it is cut with "…".</summary>
    public const int LabelLength = 120;

    /// <summary>
    /// The selection's own messages (none chosen, more than <see cref="MaxItems"/>), beside <see cref="SelectionField"/>;
    /// empty when it may be acted on.
    /// </summary>
    public List<UseCaseError> CheckSelection(IReadOnlyCollection<int>? ids)
    {
        var distinct = ids?.Distinct().Count() ?? 0;
        return distinct switch
        {
            0 => [new UseCaseError(SelectionField, localizer["Bulk.NoSelection"])],
            > MaxItems => [new UseCaseError(SelectionField, localizer["Bulk.TooMany", MaxItems, distinct])],
            _ => [],
        };
    }

    /// <summary>
    /// Runs <paramref name="act"/> on each of <paramref name="ids"/> (a duplicate once) as <paramref name="user"/> after
    /// authorizing <paramref name="operation"/> on it, and saves the items it accepted together. <paramref name="act"/>
    /// returns the item's input errors (none to change it) or throws the domain's <see cref="DomainException"/>; either
    /// refuses that item only. The caller checks the selection and the shared input first.
    /// </summary>
    public async Task<BulkResult> RunAsync(
        ClaimsPrincipal user, IReadOnlyCollection<int> ids, OperationAuthorizationRequirement operation,
        Func<RecommendationContext, Task<IReadOnlyList<UseCaseError>>> act, CancellationToken cancellationToken)
    {
        if (CheckSelection(ids) is { Count: > 0 } selectionErrors)
        {
            return BulkResult.Invalid(selectionErrors);
        }

        var distinct = ids.Distinct().ToList();
        // Each item is authorized on its own, but read in a few queries for the whole selection, not a round per item.
        var loaded = await change.LoadManyAsync(user, distinct, operation, cancellationToken);
        var forbidden = loaded.Where(l => l.Access == Access.Forbidden).Select(l => l.Id).ToList();
        var readable = forbidden.Count == 0 ? [] : await db.Recommendations.AsNoTracking().Where(r => forbidden.Contains(r.Id))
            .Select(r => new { r.Id, r.Content }).ToDictionaryAsync(r => r.Id, r => Label(r.Content), cancellationToken);
        var done = new List<BulkItem>();
        var refused = new List<BulkItem>();
        foreach (var (id, access, context) in loaded)
        {
            if (context is null)
            {
                // Out of scope reads as unknown (nothing of it is shown); a missing role is said, with the label the user may read.
                refused.Add(access == Access.NotFound
                    ? new BulkItem(id, null, localizer["Bulk.NotFound"])
                    : new BulkItem(id, readable.GetValueOrDefault(id), localizer["Bulk.Forbidden"]));
                continue;
            }

            var label = Label(context.Recommendation.Content);
            string? reason;
            try
            {
                var errors = await act(context);
                reason = errors.Count == 0 ? null : string.Join(" ", errors.Select(e => e.Message).Distinct());
            }
            catch (DomainException ex)
            {
                // The domain checks before it changes anything, so a refused item is left as it was loaded.
                reason = localizer.For(ex);
            }

            if (reason is null)
            {
                // As of the version loaded: someone saving it in between makes the whole save fail, never a half.
                db.SaveAsOf(context.Recommendation, context.Recommendation.Version);
                done.Add(new BulkItem(id, label, null));
            }
            else
            {
                refused.Add(new BulkItem(id, label, reason));
            }
        }

        if (done.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var notSaved = done.Select(d => d with { Reason = localizer["Bulk.NotSavedItem"] }).Concat(refused).ToList();
                return new BulkResult(BulkStatus.NotSaved, [], notSaved, [new UseCaseError(string.Empty, localizer["Bulk.NotSaved"])], ids.Count - distinct.Count);
            }
        }

        db.ChangeTracker.Clear();
        return new BulkResult(BulkStatus.Done, done, refused, [], ids.Count - distinct.Count);
    }

    /// <summary>The start of a recommendation's content, as the bulk pages show it.</summary>
    public static string Label(string content) => content.Length > LabelLength ? content[..LabelLength].TrimEnd() + "…" : content;
}
