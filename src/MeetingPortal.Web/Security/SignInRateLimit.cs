namespace MeetingPortal.Web.Security;

public static class SignInRateLimit
{
    /// <summary>The rate-limiting policy on the sign-in form (POSTs per client address per minute).</summary>
    public const string Policy = "sign-in";
}
