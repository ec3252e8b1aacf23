using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>One answer or action on a recommendation, in date order.</summary>
public class Response : Entity
{
    public const int ContentMaxLength = 10_000;

    internal Response(ResponseKind kind, DateOnly respondedOn, string content)
    {
        Kind = kind;
        RespondedOn = respondedOn;
        Content = content;
    }

    public int RecommendationId { get; private set; }

    public ResponseKind Kind { get; set; }
    public DateOnly RespondedOn { get; set; }

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; private set; }

    public int? PersonId { get; set; }
    public Person? Person { get; private set; }

    public string Content { get; set; }
}
