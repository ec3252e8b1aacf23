using System.Globalization;
using System.Net;
using System.Net.Mail;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>Bound from "Email". Off unless an administrator configures an SMTP server.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public bool Enabled { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "cong-hoi-nghi@localhost";

    /// <summary>The portal's public address, for the link in each message.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Notifications older than this are not mailed when email is first switched on.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>
/// Mails notifications that have not been mailed yet, outside any request: a slow or absent mail
/// server never slows a page. A message that fails is tried again at the next round.
/// </summary>
public sealed class EmailNotificationSender(
    MeetingPortalDbContext db, IOptions<EmailOptions> options, IStringLocalizerFactory localizers, TimeProvider timeProvider, ILogger<EmailNotificationSender> logger)
{
    public const int Batch = 50;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(settings.Host))
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var oldest = now - settings.MaxAge;
        var pending = await db.Notifications
            .Where(n => n.EmailedAtUtc == null && n.CreatedAtUtc >= oldest)
            .Join(db.Users.Where(u => u.Email != null && u.EmailConfirmed), n => n.UserId, u => u.Id, (n, u) => new { Notification = n, u.Email })
            .OrderBy(x => x.Notification.Id).Take(Batch)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        var sent = 0;
        try
        {
            var localizer = localizers.Create(typeof(SharedResource));
            using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }

            foreach (var item in pending)
            {
                var n = item.Notification;
                var title = localizer.Label(n.Kind);
                using var message = new MailMessage(settings.From, item.Email!)
                {
                    Subject = $"[{localizer["App.Name"]}] {title}",
                    Body = $"{title}:\n\n{n.Summary}\n\n{settings.BaseUrl.TrimEnd('/')}/Recommendations/{n.RecommendationId.ToString(CultureInfo.InvariantCulture)}\n",
                    SubjectEncoding = System.Text.Encoding.UTF8,
                    BodyEncoding = System.Text.Encoding.UTF8,
                };
                try
                {
                    await client.SendMailAsync(message, cancellationToken);
                    n.EmailedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
                    sent++;
                }
                catch (SmtpException ex)
                {
                    // The address is not logged: it is personal data.
                    logger.LogWarning(ex, "Mailing notification {NotificationId} failed; it is tried again later", n.Id);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}

public sealed class EmailNotificationService(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<EmailNotificationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EmailNotificationSender>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Mailing notifications failed");
            }
        }
    }
}
