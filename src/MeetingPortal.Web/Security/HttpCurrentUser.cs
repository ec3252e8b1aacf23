using MeetingPortal.Infrastructure.Persistence;

namespace MeetingPortal.Web.Security;

/// <summary>The signed-in user's name for audit fields; "system" outside a request (start-up, seeding).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserName => accessor.HttpContext?.User.Identity?.Name ?? "system";
}
