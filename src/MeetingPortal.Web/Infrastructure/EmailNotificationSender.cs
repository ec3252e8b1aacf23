using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Infrastructure.Coordination;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

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

    /// <summary>A batch claimed by a server that has not finished it within this time is taken over by another.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Mails notifications that have not been mailed yet, outside any request: a slow or absent mail
/// server never slows a page. With several servers, each round first claims its batch in one UPDATE,
/// so a notification is mailed by one server only; a claim left by a server that died is taken over
/// after <see cref="EmailOptions.ClaimTimeout"/>. A message the server refuses is tried again at the next round.
/// </summary>
public sealed class EmailNotificationSender(
    MeetingPortalDbContext db, IOptions<EmailOptions> options, IStringLocalizerFactory localizers, ServerIdentity server,
    TimeProvider timeProvider, ILogger<EmailNotificationSender> logger)
{
    /// <summary>At most this many messages a round.</summary>
    public const int Batch = 50;

    /// <summary>Claims and mails one batch; returns how many messages the mail server accepted.</summary>
    /// <exception cref="IOException">The mail server cannot be reached (the claims are released first).</exception>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(settings.Host))
        {
            return 0;
        }

        var me = server.Name;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var oldest = now - settings.MaxAge;
        var claimLapsed = now - settings.ClaimTimeout;
        var claimable = db.Notifications
            .Where(n => n.EmailedAtUtc == null && n.CreatedAtUtc >= oldest && (n.EmailClaimedAtUtc == null || n.EmailClaimedAtUtc < claimLapsed))
            .Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email != null && u.EmailConfirmed))
            .OrderBy(n => n.Id).Take(Batch).Select(n => n.Id);
        // The condition is repeated outside the subquery: it is what the database checks again on each row
        // it updates, after another server's claim of the same row has committed.
        var claimed = await db.Notifications
            .Where(n => claimable.Contains(n.Id) && n.EmailedAtUtc == null && (n.EmailClaimedAtUtc == null || n.EmailClaimedAtUtc < claimLapsed))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailClaimedBy, me).SetProperty(n => n.EmailClaimedAtUtc, now), cancellationToken);
        if (claimed == 0)
        {
            return 0;
        }

        var pending = await db.Notifications
            .Where(n => n.EmailClaimedBy == me && n.EmailedAtUtc == null)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { Notification = n, u.Email })
            .OrderBy(x => x.Notification.Id)
            .ToListAsync(cancellationToken);

        var sent = 0;
        try
        {
            var localizer = localizers.Create(typeof(SharedResource));
            using var client = new SmtpClient();
            var security = !settings.EnableSsl ? SecureSocketOptions.None
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            foreach (var item in pending)
            {
                var n = item.Notification;
                // Still ours? A batch slower than the claim timeout may have been taken over by another server;
                // renewing the claim here also keeps it ours while this message is sent.
                var renewedAt = timeProvider.GetUtcNow().UtcDateTime;
                if (await db.Notifications.Where(x => x.Id == n.Id && x.EmailClaimedBy == me && x.EmailedAtUtc == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(x => x.EmailClaimedAtUtc, renewedAt), CancellationToken.None) == 0)
                {
                    continue;
                }

                try
                {
                    await client.SendAsync(Message(settings, localizer, n, item.Email!), cancellationToken);
                }
                catch (Exception ex) when (ex is SmtpCommandException or ParseException)
                {
                    // Refused by the server, or an address that does not parse: the others still go. The
                    // address is not logged: it is personal data.
                    logger.LogWarning(ex, "Mailing notification {NotificationId} failed; it is tried again later", n.Id);
                    continue;
                }

                // Saved one by one, and even when the server is stopping: what went out is marked as sent.
                n.MarkEmailed(timeProvider.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(CancellationToken.None);
                sent++;
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        finally
        {
            // What was not sent is free for the next round, on this server or another.
            await db.Notifications
                .Where(n => n.EmailClaimedBy == me && n.EmailedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailClaimedBy, (string?)null).SetProperty(n => n.EmailClaimedAtUtc, (DateTime?)null), CancellationToken.None);
        }

        return sent;
    }

    // Where the notification leads: its recommendation, or the planned dialogue a plan reminder is about.
    private static string Path(Notification n) => n.PlannedDialogueId is { } planned
        ? "/Plans/Entry/" + planned.ToString(CultureInfo.InvariantCulture)
        : "/Recommendations/" + n.RecommendationId?.ToString(CultureInfo.InvariantCulture);

    // Always in Vietnamese, whatever culture the background thread has.
    private static MimeMessage Message(EmailOptions settings, IStringLocalizer localizer, Notification n, string to)
    {
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        try
        {
            var title = localizer.Label(n.Kind);
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = $"[{localizer["App.Name"]}] {title}";
            message.Body = new TextPart(TextFormat.Plain)
            {
                Text = $"{title}:\n\n{n.Summary}\n\n{settings.BaseUrl.TrimEnd('/')}{Path(n)}\n",
            };
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
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
