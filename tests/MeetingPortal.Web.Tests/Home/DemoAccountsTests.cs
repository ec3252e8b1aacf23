using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Home;

/// <summary>
/// Issue 17, deliver 7: "the demo responder traloi.kyanh answers for no body". A demo responder answers for the
/// unit's Party committee where the seeds know one, otherwise for the unit's body the seeds know.
/// </summary>
public sealed class DemoAccountsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("traloi.kyanh", "tx-ky-anh", OrganisationKind.PartyCommission)]
    [InlineData("traloi.kyphuong", "p-ky-phuong", OrganisationKind.PartyCommittee)]
    [InlineData("traloi.tphatinh", "tp-ha-tinh", OrganisationKind.PartyCommittee)]
    public void A_demo_responder_answers_for_a_body_of_their_unit(string account, string unit, OrganisationKind kind)
    {
        var body = factory.WithDb(db => db.Users.AsNoTracking().Where(u => u.UserName == account)
            .Select(u => new { u.OrganisationId, Unit = u.Organisation!.Unit!.Code, u.Organisation.Kind }).Single());

        Assert.NotNull(body.OrganisationId);
        Assert.Equal(unit, body.Unit);
        Assert.Equal(kind, body.Kind);
    }
}
