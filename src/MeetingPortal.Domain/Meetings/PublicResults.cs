using System.Linq.Expressions;
using System.Security.Cryptography;
using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Meetings;

/// <summary>
/// A unit's public page of a dialogue's results (issue 18, deliver 5; ADR 0025 section 5): off by default, it shows,
/// to anyone without signing in, only the recommendations the unit marks public, and only while the unit publishes it
/// and the meeting is published. It is reached by <see cref="PublicId"/>, a random id that is not the meeting's id and
/// cannot be guessed from it. One per meeting at most; no row means never published. It holds no personal data: the
/// page names bodies, never people.
/// </summary>
public class PublicResults : Entity
{
    /// <summary>The length of <see cref="PublicId"/>: 16 random bytes in unpadded base64url, 22 characters.</summary>
    public const int PublicIdLength = 22;

    private readonly List<PublicResultItem> _items = [];

    private PublicResults(int meetingId, string publicId)
    {
        MeetingId = meetingId;
        PublicId = publicId;
    }

    /// <summary>The meeting whose results these are.</summary>
    public int MeetingId { get; private set; }

    public Meeting? Meeting { get; private set; }

    /// <summary>The id of the public address (/Public/Results/{PublicId}); random, never the meeting's id, kept when unpublished and published again.</summary>
    public string PublicId { get; private set; }

    /// <summary>Whether the page is shown now; false after the unit takes it down (the address then answers 404).</summary>
    public bool IsPublished { get; private set; }

    /// <summary>When it was last published (UTC); null while never published.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>The recommendations of the meeting the unit marked public; every other one stays off the page.</summary>
    public IReadOnlyList<PublicResultItem> Items => _items;

    /// <summary>
    /// Shown to the public: published by the unit and its meeting published (a draft is not a record, ADR 0012). The one
    /// test the public page and the unit's list of published results use.
    /// </summary>
    public static readonly Expression<Func<PublicResults, bool>> IsShown =
        p => p.IsPublished && p.Meeting!.Status == MeetingStatus.Published;

    /// <summary>A new public id: 16 bytes from the system's cryptographic generator, in unpadded base64url (22 characters).</summary>
    public static string NewPublicId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The public results of meeting <paramref name="meetingId"/>, not published and with no item marked, under a new random id.</summary>
    public static PublicResults Start(int meetingId) => new(meetingId, NewPublicId());

    /// <summary>
    /// Sets what the public sees: whether the page is published (<paramref name="publish"/>) and which of the meeting's
    /// recommendations are on it (<paramref name="publicRecommendationIds"/>; every other one is taken off).
    /// </summary>
    /// <param name="meetingStatus">The meeting's status: only a published meeting has results to publish.</param>
    /// <param name="meetingRecommendationIds">The ids of the meeting's recommendations; an id not among them is refused.</param>
    /// <param name="atUtc">Now (UTC), kept as the publication time when the page goes from unpublished to published.</param>
    /// <exception cref="DomainException">"results.meeting-draft" when publishing the results of a draft; "results.foreign-item" for an id not of the meeting.</exception>
    public void Set(bool publish, IReadOnlyCollection<int> publicRecommendationIds, MeetingStatus meetingStatus, IReadOnlyCollection<int> meetingRecommendationIds, DateTime atUtc)
    {
        if (publish && meetingStatus != MeetingStatus.Published)
        {
            throw new DomainException("results.meeting-draft", "Only a published meeting's results may be published.");
        }

        if (publicRecommendationIds.Any(id => !meetingRecommendationIds.Contains(id)))
        {
            throw new DomainException("results.foreign-item", "A recommendation marked public is not of this meeting.");
        }

        if (publish && !IsPublished)
        {
            PublishedAtUtc = atUtc;
        }

        IsPublished = publish;
        _items.RemoveAll(i => !publicRecommendationIds.Contains(i.RecommendationId));
        foreach (var id in publicRecommendationIds.Distinct().Where(id => _items.All(i => i.RecommendationId != id)))
        {
            _items.Add(new PublicResultItem(id));
        }
    }
}

/// <summary>A recommendation marked public on a meeting's <see cref="PublicResults"/>.</summary>
public class PublicResultItem
{
    internal PublicResultItem(int recommendationId) => RecommendationId = recommendationId;

    public int PublicResultsId { get; private set; }

    /// <summary>The recommendation shown (its content, addressed body, latest answer, state and roadmap progress).</summary>
    public int RecommendationId { get; private set; }
}
