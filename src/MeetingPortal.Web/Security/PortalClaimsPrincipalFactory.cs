using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Web.Security;

/// <summary>Puts the user's unit and its path into the sign-in cookie, so scope checks need no query; a Raiser gets no path (ADR 0026).</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    MeetingPortalDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var unitPath = await db.Units.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => u.Path).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(PortalClaimTypes.UnitId, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // A Raiser reaches records through the body it raises for, never through a unit's scope (ADR 0026): without a
        // path every scope check refuses them, whatever page or door they try.
        var raiser = identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, Roles.Raiser);
        if (unitPath is not null && !raiser)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.UnitPath, unitPath));
        }

        identity.AddClaim(new Claim(PortalClaimTypes.FullName, user.FullName));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.OrganisationId, organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
