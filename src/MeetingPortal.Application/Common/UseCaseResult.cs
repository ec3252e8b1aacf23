namespace MeetingPortal.Application.Common;

/// <summary>How a use case ended; pages turn each into a response (redirect, page with messages, 404, 403).</summary>
public enum UseCaseStatus
{
    /// <summary>The change was saved.</summary>
    Done = 1,

    /// <summary>The record does not exist or lies outside the user's scope (404).</summary>
    NotFound = 2,

    /// <summary>In scope, but the user's roles do not allow the operation (403).</summary>
    Forbidden = 3,

    /// <summary>The input or a domain rule refused the change; nothing was saved. See <see cref="UseCaseResult.Errors"/>.</summary>
    Invalid = 4,

    /// <summary>Someone else saved the record after the version the user started from; nothing was saved.</summary>
    Stale = 5,
}

/// <summary>A message for the user (already in their language) and the input field it belongs beside ("" for the whole form).</summary>
public sealed record UseCaseError(string Field, string Message);

/// <summary>The outcome of one use case: its status, the id of the record it made or changed, and its messages.</summary>
public sealed record UseCaseResult(UseCaseStatus Status, int? Id = null, IReadOnlyList<UseCaseError>? Messages = null)
{
    /// <summary>The messages to show; empty unless <see cref="Status"/> is Invalid or Stale.</summary>
    public IReadOnlyList<UseCaseError> Errors => Messages ?? [];

    public bool Succeeded => Status == UseCaseStatus.Done;

    public static UseCaseResult Done(int? id = null) => new(UseCaseStatus.Done, id);

    public static readonly UseCaseResult NotFound = new(UseCaseStatus.NotFound);

    public static readonly UseCaseResult Forbidden = new(UseCaseStatus.Forbidden);

    public static UseCaseResult Invalid(IReadOnlyList<UseCaseError> errors) => new(UseCaseStatus.Invalid, null, errors);

    public static UseCaseResult Invalid(string field, string message) => new(UseCaseStatus.Invalid, null, [new UseCaseError(field, message)]);

    public static UseCaseResult Stale(string message) => new(UseCaseStatus.Stale, null, [new UseCaseError(string.Empty, message)]);

    /// <summary>The result for an authorization answer that is not Allowed.</summary>
    public static UseCaseResult Refused(Authorization.Access access) =>
        access == Authorization.Access.NotFound ? NotFound : Forbidden;
}
