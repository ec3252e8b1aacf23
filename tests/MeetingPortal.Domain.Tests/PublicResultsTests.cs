using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Tests;

/// <summary>The rules of a meeting's public results page (issue 18, deliver 5; ADR 0025 section 5).</summary>
public sealed class PublicResultsTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void It_starts_unpublished_with_nothing_marked_under_a_random_id()
    {
        var results = PublicResults.Start(42);
        Assert.False(results.IsPublished);
        Assert.Empty(results.Items);
        Assert.Null(results.PublishedAtUtc);
        Assert.Equal(PublicResults.PublicIdLength, results.PublicId.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", results.PublicId);
        // 16 random bytes: a thousand ids never repeat.
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => PublicResults.NewPublicId()).Distinct().Count());
    }

    [Fact]
    public void Only_a_published_meetings_results_are_published()
    {
        var results = PublicResults.Start(1);
        var refused = Assert.Throws<DomainException>(() => results.Set(true, [], MeetingStatus.Draft, [], Now));
        Assert.Equal("results.meeting-draft", refused.Code);
        Assert.False(results.IsPublished);

        // Marking items of a draft without publishing is allowed: nothing shows until it is published.
        results.Set(false, [7], MeetingStatus.Draft, [7, 8], Now);
        Assert.Equal([7], results.Items.Select(i => i.RecommendationId));
        Assert.False(results.IsPublished);
    }

    [Fact]
    public void An_item_of_another_meeting_is_refused_and_nothing_changes()
    {
        var results = PublicResults.Start(1);
        results.Set(true, [7], MeetingStatus.Published, [7, 8], Now);
        var refused = Assert.Throws<DomainException>(() => results.Set(true, [7, 9], MeetingStatus.Published, [7, 8], Now.AddHours(1)));
        Assert.Equal("results.foreign-item", refused.Code);
        Assert.Equal([7], results.Items.Select(i => i.RecommendationId));
    }

    [Fact]
    public void The_items_marked_replace_those_before_and_taking_it_down_keeps_the_id()
    {
        var results = PublicResults.Start(1);
        var id = results.PublicId;
        results.Set(true, [7, 8, 8], MeetingStatus.Published, [7, 8, 9], Now);
        Assert.True(results.IsPublished);
        Assert.Equal(Now, results.PublishedAtUtc);
        Assert.Equal([7, 8], results.Items.Select(i => i.RecommendationId).Order());

        results.Set(true, [9], MeetingStatus.Published, [7, 8, 9], Now.AddDays(1));
        Assert.Equal([9], results.Items.Select(i => i.RecommendationId));
        // Still published since the first day: changing the items is not publishing again.
        Assert.Equal(Now, results.PublishedAtUtc);

        results.Set(false, [9], MeetingStatus.Published, [7, 8, 9], Now.AddDays(2));
        Assert.False(results.IsPublished);
        Assert.Equal(id, results.PublicId);

        results.Set(true, [9], MeetingStatus.Published, [7, 8, 9], Now.AddDays(3));
        Assert.Equal(Now.AddDays(3), results.PublishedAtUtc);
        Assert.Equal(id, results.PublicId);
    }
}
