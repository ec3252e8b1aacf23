using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Organisations;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// The 2025 change applied to Hà Tĩnh's seeds through the administration use case (<see cref="ChangeUnits.ReorganiseAsync"/>),
/// in force from 1/7/2025: Kỳ Phương merged into a new ward standing directly under the province, the district level
/// retired (its wards hand themselves to the province), a socio-political organisation of the city placed under its
/// Front committee.
/// </summary>
public static class HaTinh2025
{
    /// <summary>The decision's basis as an administrator types it.</summary>
    public const string Basis = "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Hà Tĩnh năm 2025";

    /// <summary>The new ward's name.</summary>
    public const string NewWard = "Phường mới sau sắp xếp";

    /// <summary>Applies the change as the top administrator; returns the new ward's id and what the use case reported.</summary>
    public static async Task<(int NewWardId, ReorganisationOutcome Outcome)> ApplyAsync(PortalFactory factory)
    {
        int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);
        var province = UnitId("ha-tinh");
        var added = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.toanquoc", (uc, user) => uc.AddAsync(user,
            new NewUnitInput { ParentId = province, LevelId = factory.WithDb(db => db.UnitLevels.Single(l => l.Rank == 4).Id), Code = "p-moi-ky-anh", Name = NewWard }, CancellationToken.None));
        if (added.Status != UseCaseStatus.Done)
        {
            throw new InvalidOperationException($"The new ward was not added: {added.Status}.");
        }

        var (veterans, front) = factory.WithDb(db => (
            db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh" && o.Kind == OrganisationKind.SocioPoliticalOrganisation).Id,
            db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh" && o.Kind == OrganisationKind.FatherlandFront).Id));
        var input = new ReorganisationInput
        {
            LegalBasis = Basis,
            EffectiveOn = new DateOnly(2025, 7, 1),
            RetireLevelId = factory.WithDb(db => db.UnitLevels.Single(l => l.Rank == 3).Id),
            Merges = [new() { UnitId = UnitId("p-ky-phuong"), TargetId = added.Id }],
            Placements = [new() { OrganisationId = veterans, ParentId = front }],
            Confirm = true,
        };

        var outcome = await factory.RunAsync<ChangeUnits, ReorganisationOutcome>("quantri.toanquoc", (uc, user) => uc.ReorganiseAsync(user, input, CancellationToken.None));
        return (added.Id!.Value, outcome);
    }
}
