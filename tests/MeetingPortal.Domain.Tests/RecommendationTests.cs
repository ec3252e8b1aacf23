using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Domain.Tests;

public sealed class RecommendationTests
{
    private static readonly DateOnly Day = new(2022, 6, 28);

    private static Recommendation NewRecommendation()
    {
        var meeting = new Meeting(1, MeetingType.Dialogue, "Đối thoại", Day);
        return meeting.RaiseRecommendation(null, "Tăng phụ cấp", 5, null);
    }

    [Fact]
    public void A_new_recommendation_is_new_and_assigning_it_sets_body_and_due_date()
    {
        var recommendation = NewRecommendation();
        Assert.Equal(RecommendationStatus.New, recommendation.Status);
        recommendation.AssignTo(9, Day.AddDays(30));
        Assert.Equal(RecommendationStatus.Assigned, recommendation.Status);
        Assert.Equal(9, recommendation.AddressedToOrganisationId);
        Assert.Equal(Day.AddDays(30), recommendation.DueOn);
    }

    [Theory]
    [InlineData(ResponseKind.Accepted, RecommendationStatus.Answered)]
    [InlineData(ResponseKind.Explained, RecommendationStatus.Answered)]
    [InlineData(ResponseKind.InProgress, RecommendationStatus.InProgress)]
    [InlineData(ResponseKind.Resolved, RecommendationStatus.Resolved)]
    [InlineData(ResponseKind.Declined, RecommendationStatus.Declined)]
    public void Status_follows_from_the_response(ResponseKind kind, RecommendationStatus expected)
    {
        var recommendation = NewRecommendation();
        recommendation.Respond(kind, Day, 9, null, "Trả lời");
        Assert.Equal(expected, recommendation.Status);
    }

    [Fact]
    public void An_answer_is_not_a_solution_and_a_later_explanation_does_not_undo_one()
    {
        var recommendation = NewRecommendation();
        recommendation.Respond(ResponseKind.Accepted, Day, 9, null, "Tiếp thu");
        Assert.NotEqual(RecommendationStatus.Resolved, recommendation.Status);
        recommendation.Respond(ResponseKind.Resolved, Day.AddDays(40), 9, null, "Đã bố trí kinh phí");
        recommendation.Respond(ResponseKind.Explained, Day.AddDays(41), 9, null, "Giải trình thêm");
        Assert.Equal(RecommendationStatus.Resolved, recommendation.Status);
        Assert.Equal(3, recommendation.Responses.Count);
    }

    [Fact]
    public void Declining_needs_a_reason_and_a_settled_matter_is_not_reassigned()
    {
        var recommendation = NewRecommendation();
        Assert.Throws<DomainException>(() => recommendation.Respond(ResponseKind.Declined, Day, 9, null, " "));
        Assert.Empty(recommendation.Responses);
        recommendation.Respond(ResponseKind.Declined, Day, 9, null, "Vượt thẩm quyền");
        Assert.Throws<DomainException>(() => recommendation.AssignTo(10, null));
    }
}
