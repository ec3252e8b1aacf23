using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>The accounts' use case, called as the pages call it: whose accounts an administrator manages, and who grants Administrator.</summary>
public sealed class ChangeAccountsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private string AccountId(string userName) => factory.WithDb(db => db.Users.Single(u => u.UserName == userName).Id);

    [Fact]
    public async Task A_ward_administrator_cannot_make_a_peer_administrator()
    {
        var input = new NewAccountInput
        {
            UserName = "quantri2.kyphuong",
            Account = new AccountInput { FullName = "Quản trị thứ hai", UnitId = UnitId("p-ky-phuong"), Roles = [Roles.Administrator] },
        };

        var result = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyphuong", (uc, user) => uc.CreateAsync(user, input, CancellationToken.None));

        Assert.Equal(UseCaseStatus.Invalid, result.Result.Status);
        Assert.Contains(result.Result.Errors, e => e.Field == "Account.Roles");
        Assert.Null(result.TemporaryPassword);
        Assert.False(factory.WithDb(db => db.Users.Any(u => u.UserName == "quantri2.kyphuong")));
    }

    [Fact]
    public async Task An_account_is_created_with_a_one_time_password_the_user_must_replace()
    {
        var input = new NewAccountInput
        {
            UserName = " ThuKy2.KyPhuong ",
            Account = new AccountInput { FullName = "Nguyễn Văn Thư", UnitId = UnitId("p-ky-phuong"), Roles = [Roles.Recorder] },
        };

        var result = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyphuong", (uc, user) => uc.CreateAsync(user, input, CancellationToken.None));

        Assert.Equal(UseCaseStatus.Done, result.Result.Status);
        Assert.Equal(16, result.TemporaryPassword?.Length);
        var account = factory.WithDb(db => db.Users.Single(u => u.Id == result.AccountId));
        Assert.Equal(("thuky2.kyphuong", true), (account.UserName, account.MustChangePassword));
    }

    [Fact]
    public async Task Administrators_of_one_unit_cannot_lock_each_other_out_and_other_units_accounts_do_not_exist()
    {
        // A second administrator of the ward, made by the district's.
        var made = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyanh", (uc, user) => uc.CreateAsync(user, new NewAccountInput
        {
            UserName = "quantri3.kyphuong",
            Account = new AccountInput { FullName = "Quản trị thứ ba", UnitId = UnitId("p-ky-phuong"), Roles = [Roles.Administrator] },
        }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, made.Result.Status);

        var peer = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyphuong", (uc, user) => uc.SetActiveAsync(user, made.AccountId!, false, CancellationToken.None));
        var self = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyphuong", (uc, user) => uc.SetActiveAsync(user, AccountId("quantri.kyphuong"), false, CancellationToken.None));
        var outside = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyphuong", (uc, user) => uc.ResetPasswordAsync(user, AccountId("thuky.tranphu"), CancellationToken.None));
        var recorder = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("thuky.kyanh", (uc, user) => uc.ResetPasswordAsync(user, AccountId("thuky.kyphuong"), CancellationToken.None));

        Assert.Equal((UseCaseStatus.Forbidden, UseCaseStatus.Forbidden, UseCaseStatus.NotFound, UseCaseStatus.Forbidden),
            (peer.Result.Status, self.Result.Status, outside.Result.Status, recorder.Result.Status));
        Assert.Null(outside.TemporaryPassword);
        Assert.True(factory.WithDb(db => db.Users.Single(u => u.UserName == "quantri3.kyphuong").IsActive));
        Assert.True(factory.WithDb(db => db.Users.Single(u => u.UserName == "quantri.kyphuong").IsActive));
    }

    [Fact]
    public async Task Moving_an_account_to_a_unit_outside_the_tree_is_refused_beside_the_unit()
    {
        var id = AccountId("thuky.kyphuong");
        var input = new AccountInput { FullName = "Thư ký", UnitId = UnitId("p-tran-phu"), Roles = [Roles.Recorder] };

        var result = await factory.RunAsync<ChangeAccounts, AccountChangeResult>("quantri.kyanh", (uc, user) => uc.SaveAsync(user, id, input, CancellationToken.None));

        Assert.Contains(result.Result.Errors, e => e.Field == nameof(AccountInput.UnitId));
        Assert.Equal(UnitId("p-ky-phuong"), factory.WithDb(db => db.Users.Single(u => u.Id == id).UnitId));
    }
}
