using System.Net;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Two portal processes on one database, as behind a load balancer (ADR 0008): a sign-in made on one is
/// good on the other, and when both run the due-date check and the mail round at once, every
/// reminder exists once and is mailed once.
/// </summary>
public sealed class TwoServersTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new("two");
    private readonly FakeSmtpServer _smtp = new();

    [Fact]
    public async Task Two_servers_share_sign_ins_and_say_and_mail_each_reminder_once()
    {
        // Three recommendations due soon, overdue and overdue long enough to escalate: seven reminders in all.
        using (var setup = new PortalFactory(_data.Path, keepData: true))
        {
            await DueDates.SetAllThreeAsync(setup.Services);
        }

        var settings = new Dictionary<string, string>
        {
            ["Monitoring:Enabled"] = "true",
            ["Monitoring:Interval"] = "00:00:02",
            ["Email:Enabled"] = "true",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:EnableSsl"] = "false",
            ["Email:Interval"] = "00:00:01",
        };
        var servers = await Task.WhenAll(PortalProcess.StartAsync(_data.Path, settings), PortalProcess.StartAsync(_data.Path, settings));
        await using var serverA = servers[0];
        await using var serverB = servers[1];

        var cookies = new CookieContainer();
        using (var clientB = serverB.NewClient(cookies))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clientB.GetAsync("/Meetings")).StatusCode);
        }

        using (var clientA = serverA.NewClient(cookies))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clientA.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);
        }

        using (var clientB = serverB.NewClient(cookies))
        {
            Assert.Equal(HttpStatusCode.OK, (await clientB.GetAsync("/Meetings")).StatusCode);
        }

        // Both servers tick every 2 s (check) and 1 s (mail); give them several rounds each after all is mailed.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(Reminders().Count >= 7 && Reminders().All(r => r.Mailed)))
        {
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));

        var reminders = Reminders();
        Assert.True(reminders.Count == 7, $"{reminders.Count} reminders\nA:\n{serverA.Output}\nB:\n{serverB.Output}");
        Assert.Equal(reminders.Count, reminders.Select(r => (r.RecommendationId, r.Kind, r.UserId)).Distinct().Count());
        Assert.All(reminders, r => Assert.True(r.Mailed));
        List<string> messages;
        lock (_smtp.Messages)
        {
            messages = [.. _smtp.Messages];
        }

        // One message per notification mailed: the seven reminders and what the set-up's assignments said (Assigned, Reopened).
        Assert.Equal(Count("SELECT COUNT(*) FROM Notifications WHERE EmailedAtUtc IS NOT NULL"), messages.Count);
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "meetingportal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private List<(long Id, int RecommendationId, int Kind, string UserId, bool Mailed)> Reminders()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "meetingportal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, RecommendationId, Kind, UserId, EmailedAtUtc IS NOT NULL FROM Notifications WHERE DueOn IS NOT NULL";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, int, int, string, bool)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), reader.GetBoolean(4)));
        }

        return rows;
    }

    public void Dispose()
    {
        _smtp.Dispose();
        _data.Dispose();
    }
}
