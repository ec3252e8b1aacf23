using System.Net;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 14, item 2: an existing name answered "locked" after five wrong passwords (and then refused even the right
/// one), an unknown name always "wrong", and the unknown one answered ten times faster (no password hash). Anyone
/// could lock out the national administrator with five requests. Now every name costs one hash and gets one
/// answer, and wrong tries slow the client that makes them, not the account.
/// </summary>
public sealed class PasswordSignInTests(PasswordSignInTests.CountingFactory factory) : IClassFixture<PasswordSignInTests.CountingFactory>
{
    /// <summary>A portal whose password hasher counts what it verifies.</summary>
    public sealed class CountingFactory : PortalFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override bool StartsFromTemplate => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
        }
    }

    /// <summary>Identity's own hasher, counting verifications.</summary>
    public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static async Task<(HttpStatusCode Status, string Message)> TryAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostSignInAsync(userName, password);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, page.Node("//div[contains(@class,'error-summary')]")?.InnerText.Trim() ?? string.Empty);
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_deactivated_account_get_one_answer_and_one_hash_each()
    {
        factory.WithDb(db => db.Users.Where(u => u.UserName == "lanhdao.tranphu")
            .ExecuteUpdate(set => set.SetProperty(u => u.IsActive, false)));
        var answers = new List<(HttpStatusCode, string)>();
        var index = 0;
        foreach (var name in new[] { "khong.ton.tai", "quantri.toanquoc", "lanhdao.tranphu" })
        {
            var client = factory.CreateBrowserLikeClient($"10.1.0.{++index}");
            var hashesBefore = factory.Hasher.Verifications;
            answers.Add(await TryAsync(client, name, name == "lanhdao.tranphu" ? PortalFactory.DemoPassword : "Sai#MatKhau-123"));
            Assert.True(factory.Hasher.Verifications - hashesBefore == 1, $"{name}: {factory.Hasher.Verifications - hashesBefore} password hashes");
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(HttpStatusCode.OK, answers[0].Item1);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", answers[0].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_cannot_lock_out_an_administrator()
    {
        // Twelve wrong passwords, each from an address of its own, so every one is checked against the account
        // (one address alone would be made to wait after three): more than the old lockout's five.
        var checkedBefore = factory.Hasher.Verifications;
        for (var i = 0; i < 12; i++)
        {
            await factory.CreateBrowserLikeClient($"203.0.113.{i + 1}").PostSignInAsync("quantri.hatinh", "Sai#MatKhau-" + i);
        }

        Assert.Equal(12, factory.Hasher.Verifications - checkedBefore);

        var administrator = factory.CreateBrowserLikeClient("10.2.0.1");
        var response = await administrator.PostSignInAsync("quantri.hatinh", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task After_three_wrong_passwords_the_same_client_waits_whether_the_name_exists_or_not()
    {
        var answers = new List<(HttpStatusCode Status, string Message, string? RetryAfter)>();
        var index = 0;
        foreach (var name in new[] { "theodoi.hatinh", "khong.ton.tai.nua" })
        {
            var client = factory.CreateBrowserLikeClient($"10.3.0.{++index}");
            for (var i = 0; i < PasswordThrottle.FreeFailures; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await TryAsync(client, name, "Sai#MatKhau-123")).Status);
            }

            // Even the right password is not checked while the client waits.
            var hashesBefore = factory.Hasher.Verifications;
            var response = await client.PostSignInAsync(name, PortalFactory.DemoPassword);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            answers.Add((response.StatusCode, page.Node("//div[contains(@class,'error-summary')]")!.InnerText.Trim(), response.Headers.RetryAfter?.ToString()));
            Assert.Equal(hashesBefore, factory.Hasher.Verifications);
            Assert.Equal(name, page.Node("//input[@name='Input.UserName']").GetAttributeValue("value", ""));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[0].Status);
        Assert.Contains("Đã nhập sai nhiều lần. Hãy chờ 2 giây rồi thử lại.", answers[0].Message, StringComparison.Ordinal);
        Assert.Equal("2", answers[0].RetryAfter);
    }

    [Fact]
    public async Task The_wait_doubles_with_each_wrong_password_and_a_day_later_starts_again()
    {
        using var scope = factory.Services.CreateScope();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var throttle = new PasswordThrottle(scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>(), clock);
        var key = PasswordThrottle.KeyFor("sign-in", "10.4.0.1", "quantri.toanquoc");

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            await throttle.RecordFailureAsync(key, CancellationToken.None);
            waits.Add(await throttle.RemainingWaitAsync(key, CancellationToken.None));
        }

        Assert.Equal([0, 0, 2, 4, 8, 16], waits.Select(w => w.TotalSeconds));
        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(TimeSpan.Zero, await throttle.RemainingWaitAsync(key, CancellationToken.None));

        clock.Advance(PasswordThrottle.RememberedFor);
        Assert.Equal(1, await throttle.RecordFailureAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(11, 512)]
    [InlineData(12, 900)]
    [InlineData(int.MaxValue, 900)]
    public void The_wait_after_n_wrong_passwords(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PasswordThrottle.WaitAfter(failures));

    [Fact]
    public async Task The_right_password_forgets_the_clients_wrong_ones()
    {
        var client = factory.CreateBrowserLikeClient("10.5.0.1");
        for (var i = 0; i < PasswordThrottle.FreeFailures - 1; i++)
        {
            await client.PostSignInAsync("traloi.hatinh", "Sai#MatKhau-123");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("traloi.hatinh", PortalFactory.DemoPassword)).StatusCode);
        var key = PasswordThrottle.KeyFor("sign-in", "10.5.0.1", "traloi.hatinh");
        Assert.False(factory.WithDb(db => db.PasswordFailures.Any(f => f.Key == key)));
    }
}
