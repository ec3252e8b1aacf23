using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Every form that changes something refuses a post without its antiforgery token, and nothing changes.</summary>
public sealed class AntiforgeryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Posts() =>
    [
        "/Account/SignOut",
        "/Meetings/Create?op=save",
        "/Meetings/{meeting}/Edit?op=save",
        "/Meetings/{meeting}/Attachments",
        "/Meetings/{meeting}/Attachments?handler=Delete&attachmentId=1",
        "/Meetings/Import",
        "/Recommendations/{recommendation}?handler=Assign",
        "/Recommendations/{recommendation}?handler=Respond",
        "/Recommendations/{recommendation}?handler=Reopen",
        "/Recommendations/{recommendation}?handler=Close",
        "/Recommendations/{recommendation}?handler=Judge",
        "/Recommendations/{recommendation}?handler=Forward",
        "/Recommendations/{recommendation}?handler=Return",
        "/Recommendations/{recommendation}?handler=Link&earlierId=1",
        "/Recommendations/{recommendation}?handler=Unlink",
        "/Recommendations/{recommendation}?handler=Roadmap",
        "/Recommendations/{recommendation}?handler=RoadmapRows",
        "/Recommendations/{recommendation}?handler=Milestone",
        "/Directives/{directive}?handler=Report",
        "/Directives/{directive}?handler=Done",
        "/Notifications?handler=ReadAll",
        "/Admin/Calendar?handler=Add",
        "/Admin/DueRules?handler=Save",
        "/Reports/Quarterly?handler=Freeze",
        "/Admin/Themes?handler=Add",
        "/Admin/Themes?handler=Rename&themeId=1",
        "/Admin/Organisations",
        "/Admin/Organisations/{organisation}",
        "/Admin/Units",
        "/Admin/Units/{unit}?handler=Save",
        "/Admin/Units/{unit}?handler=Merge",
        "/Admin/Users/Create",
        "/Admin/Users/{account}?handler=Save",
        "/Admin/Users/{account}?handler=Deactivate",
        "/Admin/Users/{account}?handler=Reactivate",
        "/Admin/Users/{account}?handler=ResetPassword",
        "/Account/ChangePassword",
    ];

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task A_post_without_its_token_is_refused(string template)
    {
        var (meeting, recommendation, directive) = factory.WithDb(db => (
            db.Meetings.Single(m => m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id,
            db.Recommendations.First(r => r.Content.StartsWith("Công tác nhân sự")).Id,
            db.Directives.First(d => d.Content.StartsWith("yêu cầu MTTQ")).Id));
        var (organisation, unit, account) = factory.WithDb(db => (
            db.Organisations.First(o => o.Unit!.Code == "p-ky-phuong").Id,
            db.Units.Single(u => u.Code == "p-ky-phuong").Id,
            db.Users.Single(u => u.UserName == "thuky.kyphuong").Id));
        var url = template.Replace("{meeting}", meeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{recommendation}", recommendation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{directive}", directive.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{organisation}", organisation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unit}", unit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{account}", account, StringComparison.Ordinal);
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var before = factory.WithDb(db => (db.Meetings.Count(), db.History.Count(), db.RecommendationEvents.Count(), db.CalendarDays.Count(), db.Snapshots.Count(), Accounts(db)));

        var response = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "Không được lưu",
            ["Reason.Text"] = "x",
            ["Day.Date"] = "2031-01-02",
            ["Day.Name"] = "x",
            ["Rule.WorkingDays"] = "3",
            ["Input.Name"] = "Không được lưu",
            ["Input.Code"] = "khong-duoc-luu",
            ["Input.UserName"] = "khong.duoc.luu",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, factory.WithDb(db => (db.Meetings.Count(), db.History.Count(), db.RecommendationEvents.Count(), db.CalendarDays.Count(), db.Snapshots.Count(), Accounts(db))));
    }

    /// <summary>Every account's state, units and stamps: any change an account post could make shows here.</summary>
    private static string Accounts(MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext db) =>
        string.Join("|", db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.IsActive, u.UnitId, u.SecurityStamp, u.PasswordHash }).AsEnumerable())
        + string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => new { u.Name, u.Path, u.MergedIntoId }).AsEnumerable())
        + string.Join("|", db.Organisations.OrderBy(o => o.Id).Select(o => new { o.Name, o.UnitId }).AsEnumerable())
        + string.Join("|", db.Themes.OrderBy(t => t.Id).Select(t => t.Name).AsEnumerable());
}
