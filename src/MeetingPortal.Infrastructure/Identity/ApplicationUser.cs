using MeetingPortal.Domain.Common;
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

    /// <summary>The longest folded search text: a user name (256) and a full name (200) with the space between.</summary>
    public const int SearchTextMaxLength = 460;

    /// <summary>
    /// The user name and full name folded for search (<see cref="TextNormalizer.FoldForSearch"/>: no case, no
    /// diacritics, đ as d, one Unicode form), so that the account search folds in SQL like the meeting search.
    /// Kept by the audit interceptor on every save (<see cref="FoldForSearch"/>), never set by hand. ADR 0021.
    /// </summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>The folded search text of an account with these names.</summary>
    public static string FoldForSearch(string? userName, string? fullName)
    {
        var folded = TextNormalizer.FoldForSearch(userName + " " + fullName);
        return folded.Length <= SearchTextMaxLength ? folded : folded[..SearchTextMaxLength];
    }
}
