using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>The organisations' use case, called as the pages call it.</summary>
public sealed class ChangeOrganisationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    [Fact]
    public async Task Only_administrators_add_and_only_to_units_of_their_tree()
    {
        var before = factory.WithDb(db => db.Organisations.Count());
        OrganisationInput Input(string unit) => new() { UnitId = UnitId(unit), Name = "Hội Cựu chiến binh phường", Kind = OrganisationKind.SocioPoliticalOrganisation };

        var recorder = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("thuky.kyphuong", (uc, user) => uc.AddAsync(user, Input("p-ky-phuong"), CancellationToken.None));
        var sibling = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.kyphuong", (uc, user) => uc.AddAsync(user, Input("p-tran-phu"), CancellationToken.None));

        Assert.Equal(UseCaseStatus.Forbidden, recorder.Status);
        Assert.Equal(UseCaseStatus.Invalid, sibling.Status);
        Assert.Contains(sibling.Errors, e => e.Field == nameof(OrganisationInput.UnitId));
        Assert.Equal(before, factory.WithDb(db => db.Organisations.Count()));

        var added = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.kyphuong", (uc, user) => uc.AddAsync(user, Input("p-ky-phuong"), CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, added.Status);
        var again = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.kyphuong", (uc, user) => uc.AddAsync(user, Input("p-ky-phuong"), CancellationToken.None));
        Assert.Contains(again.Errors, e => e.Field == nameof(OrganisationInput.Name));
    }

    [Fact]
    public async Task Another_units_organisation_answers_404_and_a_posted_unit_is_ignored()
    {
        var (theirs, ours, ourUnit) = factory.WithDb(db => (
            db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh").Id,
            db.Organisations.First(o => o.Unit!.Code == "p-ky-phuong").Id,
            db.Units.Single(u => u.Code == "p-ky-phuong").Id));

        var outside = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.kyphuong", (uc, user) =>
            uc.EditAsync(user, theirs, new OrganisationInput { Name = "Đổi tên", Kind = OrganisationKind.SpecialAssociation }, CancellationToken.None));
        var moved = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.kyphuong", (uc, user) =>
            uc.EditAsync(user, ours, new OrganisationInput { UnitId = UnitId("p-tran-phu"), Name = "Tổ chức đã đổi tên", Kind = OrganisationKind.SpecialAssociation }, CancellationToken.None));

        Assert.Equal((UseCaseStatus.NotFound, UseCaseStatus.Done), (outside.Status, moved.Status));
        Assert.Equal(("Tổ chức đã đổi tên", ourUnit), factory.WithDb(db => db.Organisations.Where(o => o.Id == ours).Select(o => new { o.Name, o.UnitId }).AsEnumerable().Select(o => (o.Name, o.UnitId)).Single()));
    }
}
