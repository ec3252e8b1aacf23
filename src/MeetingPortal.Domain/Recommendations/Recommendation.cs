using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>A kiến nghị / đề xuất raised at a meeting, followed until it is settled.</summary>
public class Recommendation : Entity
{
    public const int ContentMaxLength = 10_000;

    private readonly List<Response> _responses = [];

    internal Recommendation(int order, string content, int? raisedByOrganisationId, int? raisedByPersonId)
    {
        Order = order;
        Content = content;
        RaisedByOrganisationId = raisedByOrganisationId;
        RaisedByPersonId = raisedByPersonId;
        Status = RecommendationStatus.New;
    }

    public int MeetingId { get; private set; }
    public Meeting? Meeting { get; private set; }

    public int Order { get; set; }

    public int? SpeechId { get; private set; }
    public Speech? Speech { get; internal set; }

    public void MoveTo(Speech speech) => Speech = speech;

    /// <summary>
    /// Null only where the source does not say who raised it ("nhiều đại biểu cho rằng..."); forms require it.
    /// </summary>
    public int? RaisedByOrganisationId { get; set; }
    public Organisation? RaisedByOrganisation { get; private set; }

    public int? RaisedByPersonId { get; set; }
    public Person? RaisedByPerson { get; private set; }

    public int? ThemeId { get; set; }
    public Theme? Theme { get; private set; }

    public string Content { get; set; }

    public int? AddressedToOrganisationId { get; private set; }
    public Organisation? AddressedToOrganisation { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public RecommendationStatus Status { get; private set; }

    public IReadOnlyList<Response> Responses => _responses;

    /// <summary>Editing a draft may take the addressee away again while nothing has answered.</summary>
    public void Unassign()
    {
        if (_responses.Count > 0)
        {
            throw new DomainException("recommendation.answered", "An answered recommendation keeps its addressee.");
        }

        AddressedToOrganisationId = null;
        AddressedToOrganisation = null;
        DueOn = null;
        Status = RecommendationStatus.New;
    }

    public void AssignTo(int organisationId, DateOnly? dueOn)
    {
        if (Status is RecommendationStatus.Resolved or RecommendationStatus.Closed or RecommendationStatus.Declined)
        {
            throw new DomainException("recommendation.settled", "A settled recommendation is not reassigned.");
        }

        AddressedToOrganisationId = organisationId;
        DueOn = dueOn;
        if (Status == RecommendationStatus.New)
        {
            Status = RecommendationStatus.Assigned;
        }
    }

    /// <summary>Status follows from the responses: an answer is not a solution.</summary>
    public Response Respond(ResponseKind kind, DateOnly respondedOn, int? organisationId, int? personId, string content)
    {
        if (Status == RecommendationStatus.Closed)
        {
            throw new DomainException("recommendation.closed", "A closed recommendation takes no more responses.");
        }

        if (kind == ResponseKind.Declined && string.IsNullOrWhiteSpace(content))
        {
            throw new DomainException("recommendation.decline-reason", "Declining needs a reason.");
        }

        var response = new Response(kind, respondedOn, content)
        {
            OrganisationId = organisationId,
            PersonId = personId,
        };
        _responses.Add(response);

        Status = kind switch
        {
            ResponseKind.Resolved => RecommendationStatus.Resolved,
            ResponseKind.Declined => RecommendationStatus.Declined,
            ResponseKind.InProgress => RecommendationStatus.InProgress,
            // A later acceptance or explanation does not undo a resolution.
            _ when Status == RecommendationStatus.Resolved => RecommendationStatus.Resolved,
            _ => RecommendationStatus.Answered,
        };
        return response;
    }
}
