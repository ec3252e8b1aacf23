using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// Demo accounts, one per role at each demo unit, named "{role}.{unit}" (e.g. thuky.kyphuong).
/// Only called when demo data is switched on.
/// </summary>
public sealed class DemoDataSeeder(MeetingPortalDbContext db, UserManager<ApplicationUser> userManager, ILogger<DemoDataSeeder> logger)
{
    public static readonly IReadOnlyList<(string UnitCode, string Slug, string UnitLabel)> DemoUnits =
    [
        ("viet-nam", "toanquoc", "Toàn quốc"),
        ("ha-tinh", "hatinh", "Tỉnh Hà Tĩnh"),
        ("tp-ha-tinh", "tphatinh", "Thành phố Hà Tĩnh"),
        ("tx-ky-anh", "kyanh", "Thị xã Kỳ Anh"),
        ("p-ky-phuong", "kyphuong", "Phường Kỳ Phương"),
        ("p-tran-phu", "tranphu", "Phường Trần Phú"),
    ];

    public static readonly IReadOnlyDictionary<string, (string Slug, string Label)> DemoRoles = new Dictionary<string, (string, string)>
    {
        [Roles.Administrator] = ("quantri", "Quản trị"),
        [Roles.Recorder] = ("thuky", "Thư ký"),
        [Roles.Tracker] = ("theodoi", "Theo dõi"),
        [Roles.Responder] = ("traloi", "Trả lời"),
        [Roles.Leader] = ("lanhdao", "Lãnh đạo"),
        [Roles.Raiser] = ("mattran", "Mặt trận"),
    };

    public static string UserNameFor(string role, string unitSlug) => $"{DemoRoles[role].Slug}.{unitSlug}";

    public async Task SeedAsync(DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Password))
        {
            throw new InvalidOperationException("Seeding:DemoData:Enabled is on but Seeding:DemoData:Password is not set.");
        }

        var created = 0;
        foreach (var (unitCode, slug, unitLabel) in DemoUnits)
        {
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken);
            if (unit is null)
            {
                logger.LogWarning("Demo unit {UnitCode} is missing; its demo accounts are not created", unitCode);
                continue;
            }

            // A responder answers for the unit's Party committee when the seeds know one, else for the unit's body the
            // most recommendations are addressed to (Kỳ Anh's seeds know only its Ban Dân vận Thị ủy), else for any body
            // of the unit: a demo responder who answers for nothing cannot show the role (issue 17, deliver 7).
            var partyCommitteeId = await db.Organisations.AsNoTracking()
                .Where(o => o.UnitId == unit.Id && o.Kind == OrganisationKind.PartyCommittee)
                .OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Organisations.AsNoTracking()
                    .Where(o => o.UnitId == unit.Id)
                    .OrderByDescending(o => db.Recommendations.Count(r => r.AddressedToOrganisationId == o.Id)).ThenBy(o => o.Id)
                    .Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);

            // The raising side's demo account raises for the unit's Front committee; where the seeds know none, the demo
            // history adds it and binds the account (DemoHistorySeeder).
            var frontId = await db.Organisations.AsNoTracking()
                .Where(o => o.UnitId == unit.Id && o.Kind == OrganisationKind.FatherlandFront)
                .OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
            foreach (var (role, (_, roleLabel)) in DemoRoles)
            {
                var userName = UserNameFor(role, slug);
                if (await userManager.FindByNameAsync(userName) is not null)
                {
                    continue;
                }

                var user = new ApplicationUser
                {
                    UserName = userName,
                    Email = $"{userName}@demo.invalid",
                    EmailConfirmed = true,
                    FullName = $"{roleLabel} {unitLabel} (demo)",
                    UnitId = unit.Id,
                    OrganisationId = role == Roles.Responder ? partyCommitteeId : role == Roles.Raiser ? frontId : null,
                };
                var result = await userManager.CreateAsync(user, options.Password);
                if (result.Succeeded)
                {
                    result = await userManager.AddToRoleAsync(user, role);
                }

                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }

                created++;
            }
        }

        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo accounts", created);
        }
    }
}
