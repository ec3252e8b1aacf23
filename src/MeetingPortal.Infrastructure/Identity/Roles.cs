namespace MeetingPortal.Infrastructure.Identity;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Recorder = nameof(Recorder);
    public const string Tracker = nameof(Tracker);
    public const string Responder = nameof(Responder);
    public const string Leader = nameof(Leader);

    public static readonly IReadOnlyList<string> All = [Administrator, Recorder, Tracker, Responder, Leader];
}

public static class PortalClaimTypes
{
    public const string UnitId = "mp:unit_id";
    public const string UnitPath = "mp:unit_path";
    public const string FullName = "mp:full_name";
    public const string OrganisationId = "mp:organisation_id";
    public const string MustChangePassword = "mp:must_change_password";
}
