using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>The recommendation was given to a body (or to another body); that body's responders are told once its meeting is published.</summary>
public sealed record RecommendationAssigned(Recommendation Recommendation) : IDomainEvent;

/// <summary>The body passed it to another body; the receiver is told.</summary>
public sealed record RecommendationForwarded(Recommendation Recommendation) : IDomainEvent;

/// <summary>The receiver sent it back; the sender and the raising unit are told.</summary>
public sealed record RecommendationReturned(Recommendation Recommendation) : IDomainEvent;

/// <summary>A reply other than "in progress" came; the raising unit is told.</summary>
public sealed record RecommendationAnswered(Recommendation Recommendation) : IDomainEvent;

/// <summary>It was taken up again (by a tracker, or because the raising side was not satisfied); the body is told.</summary>
public sealed record RecommendationReopened(Recommendation Recommendation) : IDomainEvent;

/// <summary>A roadmap was drawn up or changed; the raising unit is told (Kon Tum 2024: "the raisers are told").</summary>
public sealed record RoadmapPlanned(Recommendation Recommendation) : IDomainEvent;

/// <summary>A milestone of the roadmap was reported done; the raising unit is told.</summary>
public sealed record MilestoneDone(Recommendation Recommendation) : IDomainEvent;
