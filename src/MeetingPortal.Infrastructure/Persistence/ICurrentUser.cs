namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>Who is saving: the signed-in user in a request, "system" for start-up work.</summary>
public interface ICurrentUser
{
    string? UserName { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserName => "system";
}
