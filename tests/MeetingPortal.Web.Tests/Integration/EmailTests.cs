using MeetingPortal.Domain.Notifications;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class EmailTests(EmailTests.MailingFactory factory) : IClassFixture<EmailTests.MailingFactory>
{
    public sealed class MailingFactory : PortalFactory
    {
        public FakeSmtpServer Smtp { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:Enabled", "true");
            builder.UseSetting("Email:Host", "127.0.0.1");
            builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Email:EnableSsl", "false");
            builder.UseSetting("Email:BaseUrl", "https://portal.example");
            // The test sends when it is ready, not on a timer.
            builder.UseSetting("Email:Interval", "01:00:00");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Smtp.Dispose();
        }
    }

    [Fact]
    public async Task Notifications_are_mailed_once_in_Vietnamese_with_a_link()
    {
        var (userId, recommendationId) = factory.WithDb(db => (
            db.Users.Single(u => u.UserName == "traloi.kyphuong").Id,
            db.Recommendations.Single(r => r.Content.StartsWith("Công tác nhân sự BCH")).Id));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            db.Notifications.Add(new Notification(userId, NotificationKind.Overdue, recommendationId, "Công tác nhân sự BCH các chi hội", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await SendAsync());
        Assert.Equal(0, await SendAsync());

        var raw = Assert.Single(factory.Smtp.Messages);
        Assert.Contains("traloi.kyphuong@demo.invalid", raw, StringComparison.Ordinal);
        var body = BodyOf(raw);
        Assert.Contains("Kiến nghị quá hạn trả lời", body, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example/Recommendations/{recommendationId}", body, StringComparison.Ordinal);
        Assert.NotNull(factory.WithDb(db => db.Notifications.Single(n => n.UserId == userId).EmailedAtUtc));
    }

    private async Task<int> SendAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EmailNotificationSender>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The text of the message as a mail reader shows it, whatever transfer encoding was chosen.</summary>
    private static string BodyOf(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
        return MimeKit.MimeMessage.Load(stream).TextBody ?? string.Empty;
    }
}
