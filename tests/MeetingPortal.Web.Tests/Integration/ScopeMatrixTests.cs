using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Every route the portal has, each with what it must answer. A page added without an entry here
/// fails the first test; a record page that leaks across units fails the second.
/// </summary>
public sealed class ScopeMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private enum Access
    {
        /// <summary>Open without signing in.</summary>
        Public,

        /// <summary>Any signed-in user; lists are filtered by scope (tested elsewhere).</summary>
        SignedIn,

        /// <summary>One record of Kỳ Phương: 404 outside its scope, 403 for a role it lacks.</summary>
        Record,

        /// <summary>Needs a role or an administrator of the top unit: 403 otherwise.</summary>
        Role,
    }

    private sealed record Entry(Access Access, string? InScopeUser = null, string? MissingRoleUser = null);

    private static readonly Dictionary<string, Entry> Matrix = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = new(Access.SignedIn),
        ["Index"] = new(Access.SignedIn),
        ["Error"] = new(Access.Public),
        ["Status/{code:int}"] = new(Access.Public),
        ["Culture"] = new(Access.Public),
        ["Account/SignIn"] = new(Access.Public),
        ["Account/SignOut"] = new(Access.Public),
        ["Account/AccessDenied"] = new(Access.SignedIn),
        ["Meetings"] = new(Access.SignedIn),
        ["Meetings/Index"] = new(Access.SignedIn),
        ["Meetings/Create"] = new(Access.Role, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Meetings/Import"] = new(Access.Role, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Meetings/Export"] = new(Access.SignedIn),
        ["Meetings/{id:int}"] = new(Access.Record, "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Edit"] = new(Access.Record, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Minutes"] = new(Access.Record, "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Attachments"] = new(Access.Record, "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Attachments/{attachmentId:int}"] = new(Access.Record, "lanhdao.kyphuong"),
        ["Recommendations"] = new(Access.SignedIn),
        ["Recommendations/Index"] = new(Access.SignedIn),
        ["Recommendations/Queue"] = new(Access.Role, "traloi.kyphuong", "lanhdao.kyphuong"),
        ["Recommendations/{id:int}"] = new(Access.Record, "lanhdao.kyphuong"),
        ["Directives"] = new(Access.SignedIn),
        ["Directives/Index"] = new(Access.SignedIn),
        ["Directives/{id:int}"] = new(Access.Record, "lanhdao.kyphuong"),
        ["Notifications"] = new(Access.SignedIn),
        ["Notifications/Index"] = new(Access.SignedIn),
        ["Admin/Calendar"] = new(Access.Role, "quantri.toanquoc", "quantri.kyphuong"),
        ["Admin/DueRules"] = new(Access.Role, "quantri.toanquoc", "quantri.kyphuong"),
        ["Admin/Audit"] = new(Access.Role, "quantri.kyphuong", "theodoi.kyphuong"),
        ["Admin"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Index"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Themes"] = new(Access.Role, "quantri.toanquoc", "quantri.kyphuong"),
        ["Admin/Organisations"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/Index"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/{id:int}"] = new(Access.Record, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Units"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Units/Index"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        // A ward administrator may not rename or merge their own ward: the district above does.
        ["Admin/Units/{id:int}"] = new(Access.Record, "quantri.kyanh", "quantri.kyphuong"),
        ["Admin/Users"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Users/Index"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Users/Create"] = new(Access.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Users/{id:guid}"] = new(Access.Record, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Account/ChangePassword"] = new(Access.SignedIn),
        ["Reports/Quarterly"] = new(Access.SignedIn),
        ["Reports/Snapshots"] = new(Access.SignedIn),
        ["Reports/Snapshots/{id:int}"] = new(Access.Record, "lanhdao.kyphuong"),
        ["health"] = new(Access.Public),
        ["health/live"] = new(Access.Public),
        ["health/ready"] = new(Access.Public),
    };

    [Fact]
    public void Every_route_has_an_entry_in_the_matrix()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText?.Trim('/') ?? string.Empty).Distinct().ToList();
        Assert.NotEmpty(routes);
        var unlisted = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        var stale = Matrix.Keys.Where(k => !routes.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(unlisted.Count == 0, "Routes without an entry in the scope matrix: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Entries for routes that no longer exist: " + string.Join(", ", stale));
    }

    private sealed record Records(int Meeting, int Recommendation, int Directive, int Attachment, int Snapshot, int ParentMeeting, int Organisation, int Unit, string Account);

    private async Task<Records> RecordsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var meeting = await db.Meetings.SingleAsync(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith("Đảng ủy phường Kỳ Phương"));
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.MeetingId == meeting.Id);
        if (attachment is null)
        {
            var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
            await using var content = new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray());
            attachment = new Attachment(meeting.Id, "bien-ban.pdf", AttachmentType.Pdf, content.Length, await store.SaveAsync(content, CancellationToken.None));
            db.Attachments.Add(attachment);
        }

        var snapshot = await db.Snapshots.FirstOrDefaultAsync(s => s.UnitId == meeting.UnitId);
        if (snapshot is null)
        {
            var empty = new MeetingPortal.Application.Reports.SummaryFigures { MeetingsByType = new Dictionary<MeetingType, int>() };
            var content = MeetingPortal.Application.Reports.FrozenReport.Write(MeetingPortal.Application.Reports.FrozenReportV1.From("Phường Kỳ Phương", "Năm 2022", "Năm 2021", empty, empty));
            snapshot = new SummarySnapshot(meeting.UnitId, PeriodKind.Year, 2022, 1, "Báo cáo thử", content, new DateOnly(2022, 12, 31), "test", DateTime.UtcNow);
            db.Snapshots.Add(snapshot);
        }

        await db.SaveChangesAsync();
        return new Records(
            meeting.Id,
            await db.Recommendations.Where(r => r.MeetingId == meeting.Id).Select(r => r.Id).FirstAsync(),
            await db.Directives.Where(d => d.MeetingId == meeting.Id).Select(d => d.Id).FirstAsync(),
            attachment.Id,
            snapshot.Id,
            await db.Meetings.Where(m => m.Unit!.Code == "tx-ky-anh" || m.Unit!.Code == "tp-ha-tinh").Select(m => m.Id).FirstAsync(),
            await db.Organisations.Where(o => o.UnitId == meeting.UnitId).Select(o => o.Id).FirstAsync(),
            meeting.UnitId,
            await db.Users.Where(u => u.UserName == "thuky.kyphuong").Select(u => u.Id).SingleAsync());
    }

    private static string Url(string route, Records r) => "/" + route
        .Replace("Meetings/{id:int}", $"Meetings/{r.Meeting}", StringComparison.Ordinal)
        .Replace("{attachmentId:int}", r.Attachment.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("Recommendations/{id:int}", $"Recommendations/{r.Recommendation}", StringComparison.Ordinal)
        .Replace("Directives/{id:int}", $"Directives/{r.Directive}", StringComparison.Ordinal)
        .Replace("Snapshots/{id:int}", $"Snapshots/{r.Snapshot}", StringComparison.Ordinal)
        .Replace("Organisations/{id:int}", $"Organisations/{r.Organisation}", StringComparison.Ordinal)
        .Replace("Units/{id:int}", $"Units/{r.Unit}", StringComparison.Ordinal)
        .Replace("Users/{id:guid}", $"Users/{r.Account}", StringComparison.Ordinal)
        .Replace("{code:int}", "404", StringComparison.Ordinal);

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in Matrix.Keys)
        {
            data.Add(route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_answers_as_its_entry_says(string route)
    {
        var entry = Matrix[route];
        var records = await RecordsAsync();
        var url = Url(route, records);
        var anonymous = await factory.CreateBrowserLikeClient().GetAsync(url);
        if (entry.Access == Access.Public)
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, anonymous.StatusCode);
            Assert.False(anonymous.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal) ?? false, $"{url} asks an anonymous user to sign in");
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/SignIn", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        if (entry.InScopeUser is { } allowed)
        {
            var response = await (await factory.SignInAsync(allowed)).GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{url} as {allowed}: {(int)response.StatusCode}");
        }

        if (entry.MissingRoleUser is { } lacking)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync(lacking)).GetAsync(url)).StatusCode);
        }

        if (entry.Access == Access.Record)
        {
            // A sibling ward, another district, and the province's other ward: none may learn the record exists.
            foreach (var outsider in new[] { "quantri.tranphu", "quantri.tphatinh", "thuky.tranphu" })
            {
                var response = await (await factory.SignInAsync(outsider)).GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} as {outsider}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_ward_does_not_see_the_record_of_the_level_above_it()
    {
        var records = await RecordsAsync();
        var ward = await factory.SignInAsync("quantri.kyphuong");
        var parent = factory.WithDb(db => db.Meetings.Where(m => m.Unit!.Code == "tp-ha-tinh").Select(m => m.Id).First());
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Meetings/{parent}")).StatusCode);
        var tranPhu = await factory.SignInAsync("quantri.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await tranPhu.GetAsync($"/Meetings/{parent}")).StatusCode);
        Assert.True(records.ParentMeeting > 0);
    }
}
