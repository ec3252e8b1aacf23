namespace MeetingPortal.Domain.Common;

/// <summary>A rule of the domain was broken; <see cref="Code"/> names the rule for messages.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
