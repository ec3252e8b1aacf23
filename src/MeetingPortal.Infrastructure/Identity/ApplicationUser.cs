using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Units;
using Microsoft.AspNetCore.Identity;

namespace MeetingPortal.Infrastructure.Identity;

/// <summary>A portal user: belongs to one unit, whose subtree is their scope.</summary>
public class ApplicationUser : IdentityUser
{
    public const int FullNameMaxLength = 200;

    public string FullName { get; set; } = string.Empty;

    public int UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The body a Responder answers for.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator created the account or reset its password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }
}
