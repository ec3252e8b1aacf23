using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Domain.Plans;

/// <summary>Where a recommendation gathered before a dialogue stands (ADR 0026).</summary>
public enum GatheredRecommendationState
{
    /// <summary>Đã gửi: sent by the raising body, not yet on the dialogue's agenda.</summary>
    Submitted = 1,

    /// <summary>Đưa vào chương trình: the host's office put it on the agenda.</summary>
    OnAgenda = 2,

    /// <summary>Đã nêu tại đối thoại: a recommendation of the meeting was raised from it.</summary>
    Raised = 3,

    /// <summary>Chưa được nêu: the dialogue was held (its record published) and nothing was raised from it.</summary>
    NotRaised = 4,
}

/// <summary>
/// A recommendation the Front or a socio-political organisation gathered from its members and the people before a
/// planned dialogue (kiến nghị thu thập trước đối thoại) and sent to the host. The host's office builds the agenda from
/// them; at the meeting one is raised as a recommendation of the meeting, its text copied, never typed again (issue 18,
/// deliver 2; ADR 0026). Dates are Vietnam calendar dates.
/// </summary>
public class GatheredRecommendation : Entity
{
    /// <summary>Longest content, in characters (as a recommendation's, so a raised one is copied whole).</summary>
    public const int ContentMaxLength = Recommendation.ContentMaxLength;

    /// <summary>
    /// A recommendation gathered for entry <paramref name="plannedDialogue"/> by body <paramref name="raisedByOrganisationId"/>
    /// on <paramref name="submittedOn"/>. Throws <see cref="DomainException"/> "gathered.content" for an empty or too long
    /// content and "gathered.closed" when the entry no longer gathers (<see cref="IsGathering"/>).
    /// </summary>
    public GatheredRecommendation(PlannedDialogue plannedDialogue, string content, int raisedByOrganisationId, DateOnly submittedOn)
    {
        if (!IsGathering(plannedDialogue))
        {
            throw new DomainException("gathered.closed", "The dialogue no longer gathers recommendations.");
        }

        PlannedDialogue = plannedDialogue;
        PlannedDialogueId = plannedDialogue.Id;
        RaisedByOrganisationId = raisedByOrganisationId;
        SubmittedOn = submittedOn;
        Content = string.Empty;
        SetContent(content);
    }

    // For EF Core, which sets the columns itself.
    private GatheredRecommendation() => Content = string.Empty;

    public int PlannedDialogueId { get; private set; }
    public PlannedDialogue? PlannedDialogue { get; private set; }

    /// <summary>What is recommended, as the raising body wrote it.</summary>
    public string Content { get; private set; }

    /// <summary>The theme (lĩnh vực), when given.</summary>
    public int? ThemeId { get; set; }
    public Theme? Theme { get; private set; }

    /// <summary>The body that gathered and sends it (the Front's committee, an organisation).</summary>
    public int RaisedByOrganisationId { get; private set; }
    public Organisation? RaisedByOrganisation { get; private set; }

    /// <summary>The body it asks to answer, when the raising body names one.</summary>
    public int? AddressedToOrganisationId { get; set; }
    public Organisation? AddressedToOrganisation { get; private set; }

    /// <summary>The Vietnam date it was sent.</summary>
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>Put on the dialogue's agenda by the host's office.</summary>
    public bool OnAgenda { get; private set; }

    /// <summary>The recommendation of the meeting raised from it; null until raised (and again if that one is removed from the record).</summary>
    public int? RecommendationId { get; private set; }
    public Recommendation? Recommendation { get; private set; }

    /// <summary>
    /// Whether entry <paramref name="entry"/> still takes recommendations: it is on the plan and no published meeting is
    /// linked (once the dialogue is held, what was gathered is raised or not). The linked meeting must be loaded.
    /// </summary>
    public static bool IsGathering(PlannedDialogue entry) =>
        entry.CancelledOn is null && entry.Meeting?.Status != MeetingStatus.Published;

    /// <summary>
    /// Where it stands: raised, or else not raised once its dialogue's record is published
    /// (<paramref name="meetingPublished"/>), or else on the agenda or sent.
    /// </summary>
    public GatheredRecommendationState StateWhen(bool meetingPublished) =>
        StateOf(RecommendationId is not null || Recommendation is not null, OnAgenda, meetingPublished);

    /// <summary>The one rule of <see cref="StateWhen"/>, for rows a query read: raised, else not raised once held, else on the agenda or sent.</summary>
    public static GatheredRecommendationState StateOf(bool raised, bool onAgenda, bool meetingPublished) =>
        raised ? GatheredRecommendationState.Raised
        : meetingPublished ? GatheredRecommendationState.NotRaised
        : onAgenda ? GatheredRecommendationState.OnAgenda
        : GatheredRecommendationState.Submitted;

    /// <summary>Whether the raising body may still change or withdraw it: sent, not yet taken onto the agenda or raised.</summary>
    public bool MayChange => !OnAgenda && RecommendationId is null && Recommendation is null;

    /// <summary>
    /// Changes what the raising body sent. Throws "gathered.taken" once it is on the agenda or raised (the host works
    /// from that text) and "gathered.content" for an empty or too long content.
    /// </summary>
    public void Change(string content, int? themeId, int? addressedToOrganisationId)
    {
        if (!MayChange)
        {
            throw new DomainException("gathered.taken", "The host has taken it up; it can no longer be changed.");
        }

        SetContent(content);
        ThemeId = themeId;
        AddressedToOrganisationId = addressedToOrganisationId;
    }

    /// <summary>Puts it on the agenda, or takes it off (<paramref name="onAgenda"/>). Throws "gathered.raised" once raised.</summary>
    public void PutOnAgenda(bool onAgenda)
    {
        if (RecommendationId is not null || Recommendation is not null)
        {
            throw new DomainException("gathered.raised", "It was raised at the dialogue.");
        }

        OnAgenda = onAgenda;
    }

    /// <summary>
    /// Raises it at the held dialogue: <paramref name="meeting"/> (the one linked to its entry) gets a recommendation with
    /// this text and raising body in <paramref name="speech"/> (every recommendation of a record is raised in a speech),
    /// and this one points at it. Throws "gathered.raised" when already raised, "gathered.meeting" when the meeting is
    /// not the entry's, and the meeting's "recommendation.foreign-speech" for a speech of another meeting.
    /// </summary>
    public Recommendation RaiseAt(Meeting meeting, Speech speech)
    {
        if (RecommendationId is not null || Recommendation is not null)
        {
            throw new DomainException("gathered.raised", "It was raised at the dialogue.");
        }

        if (PlannedDialogue is null || PlannedDialogue.MeetingId != meeting.Id)
        {
            throw new DomainException("gathered.meeting", "The meeting is not the one that held this dialogue.");
        }

        var recommendation = meeting.RaiseRecommendation(speech, Content, RaisedByOrganisationId, null);
        recommendation.ThemeId = ThemeId;
        Recommendation = recommendation;
        OnAgenda = true;
        return recommendation;
    }

    /// <summary>
    /// Links it to <paramref name="recommendation"/>, already in the record of the meeting that held its dialogue (the
    /// recorder typed it from the floor before the agenda was at hand). Throws "gathered.raised" when already raised,
    /// "gathered.meeting" when the recommendation is of another meeting.
    /// </summary>
    public void LinkRaised(Recommendation recommendation)
    {
        if (RecommendationId is not null || Recommendation is not null)
        {
            throw new DomainException("gathered.raised", "It was raised at the dialogue.");
        }

        if (PlannedDialogue is null || PlannedDialogue.MeetingId is null || PlannedDialogue.MeetingId != recommendation.MeetingId)
        {
            throw new DomainException("gathered.meeting", "The recommendation is of another meeting.");
        }

        Recommendation = recommendation;
        OnAgenda = true;
    }

    private void SetContent(string content)
    {
        var text = content?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > ContentMaxLength)
        {
            throw new DomainException("gathered.content", "A gathered recommendation needs a content within the length allowed.");
        }

        Content = text;
    }
}
