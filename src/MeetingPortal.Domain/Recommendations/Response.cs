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

    /// <summary>The answer's text; setting it also refolds <see cref="SearchText"/>.</summary>
    public string Content
    {
        get => _content;
        set
        {
            _content = value;
            SearchText = TextNormalizer.FoldForWordSearch(value);
        }
    }

    private string _content = string.Empty;

    /// <summary>
    /// <see cref="Content"/> folded as <see cref="Recommendation.SearchText"/> is, so the tracker's text search finds a
    /// recommendation by the words of its answers too. Kept by the <see cref="Content"/> setter (ADR 0021).
    /// </summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Folds <see cref="SearchText"/> again from <see cref="Content"/>: the start-up fill of rows saved before it existed.</summary>
    public void RefreshSearchText() => SearchText = TextNormalizer.FoldForWordSearch(_content);
}
