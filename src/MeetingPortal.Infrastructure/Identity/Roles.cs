namespace MeetingPortal.Infrastructure.Identity;

/// <summary>
/// The portal's roles. The first five are the committees' staff, who reach records through their unit's scope; a
/// <see cref="Raiser"/> is the raising side's staff (the Front and the socio-political organisations), who reach only
/// what their body raised (ADR 0026).
/// </summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Recorder = nameof(Recorder);
    public const string Tracker = nameof(Tracker);
    public const string Responder = nameof(Responder);
    public const string Leader = nameof(Leader);

    /// <summary>
    /// Cán bộ Mặt trận, đoàn thể: bound to one body (the account's organisation), sends recommendations before a
    /// dialogue and follows those its body raised, across every committee (issue 18, deliver 2; ADR 0026). A role on
    /// its own: an account with it has no other, and it reaches no page of the committees' records.
    /// </summary>
    public const string Raiser = nameof(Raiser);

    /// <summary>The committees' staff roles, which reach records through the unit's scope.</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, Recorder, Tracker, Responder, Leader];

    public static readonly IReadOnlyList<string> All = [.. Staff, Raiser];

    /// <summary>Whether <paramref name="roles"/> name a body the account acts for: a Responder answers for it, a Raiser raises for it.</summary>
    public static bool NeedOrganisation(IEnumerable<string> roles) => roles.Any(r => r is Responder or Raiser);
}

public static class PortalClaimTypes
{
    public const string UnitId = "mp:unit_id";
    public const string UnitPath = "mp:unit_path";
    public const string FullName = "mp:full_name";
    public const string OrganisationId = "mp:organisation_id";
    public const string MustChangePassword = "mp:must_change_password";
}
