using System.Net;
using System.Reflection;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Every POST handler the portal has, each with what it must answer to someone who may not use it: 404 to
/// a user whose scope does not cover the record, 403 to one in scope without the role. A handler added
/// without an entry fails the first test. The allowed users' posts are tested beside each use case.
/// </summary>
public sealed class PostScopeMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private enum Gate
    {
        /// <summary>Open without signing in (signing in, the error pages).</summary>
        Public,

        /// <summary>Any signed-in user, acting on their own things (their notifications, their password).</summary>
        SignedIn,

        /// <summary>A record of Kỳ Phương: 404 for the three outsiders, 403 for the user lacking the role.</summary>
        Record,

        /// <summary>No record: 403 for the user lacking the role.</summary>
        Role,

        /// <summary>
        /// Many records, each authorized one by one (bulk work, ADR 0025 section 4): the post answers its result page, where a
        /// Kỳ Phương record posted by the three outsiders is refused as unknown and by the user lacking the role as not theirs.
        /// </summary>
        Items,
    }

    /// <param name="Anonymous">For a public handler, what an anonymous post without a token answers.</param>
    /// <param name="Fields">For <see cref="Gate.Items"/>: the fields besides the ids that get the post past its input checks.</param>
    private sealed record Entry(string Url, Gate Gate, string? MissingRoleUser = null, HttpStatusCode? Anonymous = null, (string Name, string Value)[]? Fields = null);

    private const string Leader = "lanhdao.kyphuong";
    private const string WardAdministrator = "quantri.kyphuong";

    private static readonly Dictionary<string, Entry> Matrix = new(StringComparer.Ordinal)
    {
        ["Recommendations/Details:Assign"] = new("/Recommendations/{recommendation}?handler=Assign", Gate.Record, Leader),
        ["Recommendations/Details:Respond"] = new("/Recommendations/{recommendation}?handler=Respond", Gate.Record, Leader),
        ["Recommendations/Queue:Answer"] = new("/Recommendations/Queue?handler=Answer&id={recommendation}", Gate.Record, Leader),
        ["Recommendations/Details:Forward"] = new("/Recommendations/{recommendation}?handler=Forward", Gate.Record, Leader),
        ["Recommendations/Details:Return"] = new("/Recommendations/{recommendation}?handler=Return", Gate.Record, Leader),
        ["Recommendations/Details:Close"] = new("/Recommendations/{recommendation}?handler=Close", Gate.Record, Leader),
        ["Recommendations/Details:Reopen"] = new("/Recommendations/{recommendation}?handler=Reopen", Gate.Record, Leader),
        ["Recommendations/Details:Judge"] = new("/Recommendations/{recommendation}?handler=Judge", Gate.Record, Leader),
        ["Recommendations/Details:Link"] = new("/Recommendations/{recommendation}?handler=Link", Gate.Record, Leader),
        ["Recommendations/Details:Unlink"] = new("/Recommendations/{recommendation}?handler=Unlink", Gate.Record, Leader),
        ["Recommendations/Details:Roadmap"] = new("/Recommendations/{recommendation}?handler=Roadmap", Gate.Record, Leader),
        ["Recommendations/Details:RoadmapRows"] = new("/Recommendations/{recommendation}?handler=RoadmapRows", Gate.Record, Leader),
        ["Recommendations/Details:Milestone"] = new("/Recommendations/{recommendation}?handler=Milestone", Gate.Record, Leader),
        ["Recommendations/Bulk:Assign"] = new("/Recommendations/Bulk?handler=Assign", Gate.Items, Leader, Fields: [("Input.OrganisationId", "{organisation}")]),
        ["Recommendations/Bulk:Forward"] = new("/Recommendations/Bulk?handler=Forward", Gate.Items, Leader, Fields: [("Input.OrganisationId", "{organisation}"), ("Input.Reason", "Thuộc thẩm quyền")]),
        ["Recommendations/Bulk:Close"] = new("/Recommendations/Bulk?handler=Close", Gate.Items, Leader, Fields: []),
        ["Recommendations/Bulk:Answer"] = new("/Recommendations/Bulk?handler=Answer", Gate.Items, Leader, Fields: [("Input.Kind", "Accepted"), ("Input.Content", "Tiếp thu")]),
        // "Dùng mẫu" fills the form and saves nothing: on an item's page only whoever may answer it; in bulk, any signed-in user.
        ["Recommendations/Details:UseTemplate"] = new("/Recommendations/{recommendation}?handler=UseTemplate", Gate.Record, Leader),
        ["Recommendations/Bulk:UseTemplate"] = new("/Recommendations/Bulk?handler=UseTemplate", Gate.SignedIn),
        // Answer templates (ADR 0025 section 4): added by trackers and administrators, a ward's kept by those who cover the ward.
        ["Recommendations/Templates/Index:Add"] = new("/Recommendations/Templates?handler=Add", Gate.Role, Leader),
        ["Recommendations/Templates/Edit:Save"] = new("/Recommendations/Templates/{template}?handler=Save", Gate.Record, Leader),
        ["Recommendations/Templates/Edit:Delete"] = new("/Recommendations/Templates/{template}?handler=Delete", Gate.Record, Leader),
        ["Directives/Details:Report"] = new("/Directives/{directive}?handler=Report", Gate.Record, Leader),
        ["Directives/Details:Done"] = new("/Directives/{directive}?handler=Done", Gate.Record, Leader),
        ["Directives/Details:Reopen"] = new("/Directives/{directive}?handler=Reopen", Gate.Record, Leader),
        ["Directives/Details:Target"] = new("/Directives/{directive}?handler=Target", Gate.Record, Leader),
        ["Directives/Details:Groups"] = new("/Directives/{directive}?handler=Groups", Gate.Record, Leader),
        ["Meetings/Edit:"] = new("/Meetings/{meeting}/Edit", Gate.Record, Leader),
        // The field check of the quick entry (ADR 0022) reads only, but only for whoever may edit the record.
        ["Meetings/Edit:Check"] = new("/Meetings/{meeting}/Edit?handler=Check", Gate.Record, Leader),
        ["Meetings/Attachments:"] = new("/Meetings/{meeting}/Attachments", Gate.Record, Leader),
        ["Meetings/Attachments:Delete"] = new("/Meetings/{meeting}/Attachments?handler=Delete", Gate.Record, Leader),
        // The chair's side approves the minutes: the ward's leaders, not its recorder (ADR 0019).
        ["Meetings/MinutesApprove:"] = new("/Meetings/{meeting}/Minutes/Approve", Gate.Record, "thuky.kyphuong"),
        // The unit's own leaders and recorders publish its results; its trackers may not (ADR 0025 section 5).
        ["Meetings/Results:"] = new("/Meetings/{meeting}/Results", Gate.Record, "theodoi.kyphuong"),
        ["Meetings/Create:"] = new("/Meetings/Create", Gate.Role, Leader),
        ["Meetings/Create:Check"] = new("/Meetings/Create?handler=Check", Gate.Role, Leader),
        ["Meetings/Import:"] = new("/Meetings/Import", Gate.Role, Leader),
        ["Reports/Quarterly:Freeze"] = new("/Reports/Quarterly?handler=Freeze&unit={unit}", Gate.Record, "theodoi.kyphuong"),
        // A report's own leaders draft, sign and send it; the leaders of the unit above receive it (ADR 0017).
        ["Reports/SnapshotEdit:"] = new("/Reports/Snapshots/{snapshot}/Edit", Gate.Record, "theodoi.kyphuong"),
        ["Reports/SnapshotSign:"] = new("/Reports/Snapshots/{snapshot}/Sign", Gate.Record, WardAdministrator),
        ["Reports/Snapshot:Send"] = new("/Reports/Snapshots/{snapshot}?handler=Send", Gate.Record, "theodoi.kyphuong"),
        ["Reports/Snapshot:Receive"] = new("/Reports/Snapshots/{snapshot}?handler=Receive", Gate.Record, Leader),
        ["Admin/Calendar:Add"] = new("/Admin/Calendar?handler=Add", Gate.Role, WardAdministrator),
        ["Admin/Calendar:Remove"] = new("/Admin/Calendar?handler=Remove", Gate.Role, WardAdministrator),
        ["Admin/DueRules:Save"] = new("/Admin/DueRules?handler=Save", Gate.Role, WardAdministrator),
        ["Admin/DueRules:Remove"] = new("/Admin/DueRules?handler=Remove", Gate.Role, WardAdministrator),
        ["Admin/Themes:Add"] = new("/Admin/Themes?handler=Add", Gate.Role, WardAdministrator),
        ["Admin/Themes:Rename"] = new("/Admin/Themes?handler=Rename", Gate.Role, WardAdministrator),
        ["Admin/Units/Index:"] = new("/Admin/Units", Gate.Role, Leader),
        ["Admin/Units/Reorganise:"] = new("/Admin/Units/Reorganise", Gate.Role, Leader),
        // A ward administrator may not rename or merge their own ward: the district above does.
        ["Admin/Units/Edit:Save"] = new("/Admin/Units/{unit}?handler=Save", Gate.Record, WardAdministrator),
        ["Admin/Units/Edit:Merge"] = new("/Admin/Units/{unit}?handler=Merge", Gate.Record, WardAdministrator),
        ["Admin/Organisations/Index:"] = new("/Admin/Organisations", Gate.Role, Leader),
        ["Admin/Organisations/Edit:"] = new("/Admin/Organisations/{organisation}", Gate.Record, Leader),
        ["Admin/Organisations/Groups/Edit:"] = new("/Admin/Organisations/Groups/{group}", Gate.Record, Leader),
        ["Admin/Organisations/Groups/Edit:Delete"] = new("/Admin/Organisations/Groups/{group}?handler=Delete", Gate.Record, Leader),
        ["Admin/Users/Create:"] = new("/Admin/Users/Create", Gate.Role, Leader),
        ["Admin/Users/Create:Bodies"] = new("/Admin/Users/Create?handler=Bodies", Gate.Role, Leader),
        ["Admin/Users/Edit:Save"] = new("/Admin/Users/{account}?handler=Save", Gate.Record, Leader),
        ["Admin/Users/Edit:Bodies"] = new("/Admin/Users/{account}?handler=Bodies", Gate.Record, Leader),
        ["Admin/Users/Edit:Deactivate"] = new("/Admin/Users/{account}?handler=Deactivate", Gate.Record, Leader),
        ["Admin/Users/Edit:Reactivate"] = new("/Admin/Users/{account}?handler=Reactivate", Gate.Record, Leader),
        ["Admin/Users/Edit:ResetPassword"] = new("/Admin/Users/{account}?handler=ResetPassword", Gate.Record, Leader),
        ["Plans/Edit:"] = new("/Plans/Edit/{plan}", Gate.Record, Leader),
        ["Plans/Entry:Link"] = new("/Plans/Entry/{plan}?handler=Link", Gate.Record, Leader),
        ["Plans/Entry:Unlink"] = new("/Plans/Entry/{plan}?handler=Unlink", Gate.Record, Leader),
        ["Plans/Entry:Cancel"] = new("/Plans/Entry/{plan}?handler=Cancel", Gate.Record, Leader),
        ["Plans/Entry:Restore"] = new("/Plans/Entry/{plan}?handler=Restore", Gate.Record, Leader),
        // The host's office arranges the agenda; the raising side sends and withdraws its own (ADR 0026).
        ["Plans/Agenda:Agenda"] = new("/Plans/Agenda/{plan}?handler=Agenda&item={gathered}", Gate.Record, Leader),
        ["Plans/Agenda:Raise"] = new("/Plans/Agenda/{plan}?handler=Raise&item={gathered}", Gate.Record, Leader),
        ["Plans/Agenda:Link"] = new("/Plans/Agenda/{plan}?handler=Link&item={gathered}", Gate.Record, Leader),
        ["Raising/Send:"] = new("/Raising/Send/{gathered}", Gate.Role, "thuky.kyphuong"),
        ["Raising/Gathered:Withdraw"] = new("/Raising/Gathered?handler=Withdraw&id={gathered}", Gate.Role, "thuky.kyphuong"),
        ["Notifications/Index:Read"] = new("/Notifications?handler=Read", Gate.SignedIn),
        ["Notifications/Index:ReadAll"] = new("/Notifications?handler=ReadAll", Gate.SignedIn),
        ["Account/ChangePassword:"] = new("/Account/ChangePassword", Gate.SignedIn),
        // Signing in and out check the antiforgery token first; the error pages take posts that failed elsewhere.
        ["Account/SignIn:"] = new("/Account/SignIn", Gate.Public, Anonymous: HttpStatusCode.BadRequest),
        ["Account/SignOut:"] = new("/Account/SignOut", Gate.Public, Anonymous: HttpStatusCode.BadRequest),
        ["Error:"] = new("/Error", Gate.Public, Anonymous: HttpStatusCode.OK),
        ["Status:"] = new("/Status/404", Gate.Public, Anonymous: HttpStatusCode.OK),
    };

    /// <summary>"Folder/Page:Handler" for every OnPost method of every page model.</summary>
    private static List<string> PostHandlers() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            // Inherited handlers count too (a shared form base such as MeetingFormPage); PageModel itself declares none.
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{PagePath(t)}:{m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal)}"))
            .Distinct().ToList();

    private static string PagePath(Type pageModel) =>
        pageModel.FullName!["MeetingPortal.Web.Pages.".Length..].Replace('.', '/')[..^"Model".Length];

    [Fact]
    public void Every_post_handler_has_an_entry_in_the_matrix()
    {
        var handlers = PostHandlers();
        Assert.NotEmpty(handlers);
        var unlisted = handlers.Where(h => !Matrix.ContainsKey(h)).ToList();
        var stale = Matrix.Keys.Where(k => !handlers.Contains(k)).ToList();
        Assert.True(unlisted.Count == 0, "POST handlers without an entry in the matrix: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Entries for POST handlers that no longer exist: " + string.Join(", ", stale));
    }

    public static TheoryData<string> Handlers() => new(Matrix.Keys);

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Each_post_refuses_whoever_may_not_use_it_and_changes_nothing(string handler)
    {
        var entry = Matrix[handler];
        if (entry.Url.Contains("{snapshot}", StringComparison.Ordinal) || entry.Url.Contains("{gathered}", StringComparison.Ordinal))
        {
            // Kỳ Phương's official report and its Front's gathered recommendation, made once if the template has none.
            await PortalRoutes.RecordsAsync(factory);
        }

        var url = Url(entry.Url);
        var before = Fingerprint();
        if (entry.Gate == Gate.Public)
        {
            var anonymous = await factory.CreateBrowserLikeClient().PostAsync(url, new FormUrlEncodedContent([]));
            Assert.Equal(entry.Anonymous, anonymous.StatusCode);
            Assert.Equal(before, Fingerprint());
            return;
        }

        var signedOut = await factory.CreateBrowserLikeClient().PostAsync(url, new FormUrlEncodedContent([]));
        Assert.True(signedOut.StatusCode == HttpStatusCode.Redirect && signedOut.Headers.Location!.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal),
            $"{url} signed out: {(int)signedOut.StatusCode}");

        if (entry.Gate == Gate.Items)
        {
            var fields = new List<KeyValuePair<string, string>> { new("ids", Url("{recommendation}")) };
            fields.AddRange(entry.Fields!.Select(f => KeyValuePair.Create(f.Name, Url(f.Value))));
            foreach (var (user, reason) in new[] { (entry.MissingRoleUser!, "Vai trò của bạn"), ("quantri.tranphu", "không thuộc phạm vi"), ("quantri.tphatinh", "không thuộc phạm vi"), ("thuky.tranphu", "không thuộc phạm vi") })
            {
                var response = await PostAsUserAsync(user, url, fields);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} as {user}: {(int)response.StatusCode}");
                var refused = Html.Parse(await response.Content.ReadAsStringAsync()).Node($"//ul[@class='bulk-refused']/li[@data-id='{Url("{recommendation}")}']");
                Assert.Contains(reason, HtmlAgilityPack.HtmlEntity.DeEntitize(refused.InnerText), StringComparison.Ordinal);
            }

            Assert.Equal(before, Fingerprint());
            return;
        }

        if (entry.MissingRoleUser is { } lacking)
        {
            var response = await PostAsUserAsync(lacking, url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} as {lacking}: {(int)response.StatusCode}");
        }

        if (entry.Gate == Gate.Record)
        {
            foreach (var outsider in new[] { "quantri.tranphu", "quantri.tphatinh", "thuky.tranphu" })
            {
                var response = await PostAsUserAsync(outsider, url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} as {outsider}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(before, Fingerprint());
    }

    private async Task<HttpResponseMessage> PostAsUserAsync(string userName, string url, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var client = await factory.SignInAsync(userName);
        var token = await client.GetAntiforgeryTokenAsync("/Account/ChangePassword");
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields ?? []]));
    }

    /// <summary>What a refused post must not change: the versions and counts of the records the matrix posts to.</summary>
    private string Fingerprint() => factory.WithDb(db => string.Join(",",
        db.Meetings.Sum(m => m.Version), db.Recommendations.Sum(r => r.Version), db.Directives.Sum(d => d.Version), db.Units.Sum(u => u.Version),
        db.Organisations.Sum(o => o.Version), db.CalendarDays.Count(), db.DueDateRules.Count(), db.Themes.Count(), db.Snapshots.Count(), db.Snapshots.Sum(s => s.Revision),
        db.Attachments.Count(), db.History.Count(), db.BodyGroups.Sum(g => g.Version), db.BodyGroups.Count(), db.BodyGroups.Sum(g => g.Members.Count), db.Users.Count(u => u.IsActive), db.Meetings.Count(m => m.MinutesApproval!.ApprovedBy != null),
        db.PlannedDialogues.Count(), db.PlannedDialogues.Sum(p => p.Version), db.GatheredRecommendations.Count(), db.GatheredRecommendations.Sum(g => g.Version),
        db.PublicResults.Count(), db.PublicResults.Sum(p => p.Version), db.PublicResultItems.Count(),
        db.AnswerTemplates.Count(), db.AnswerTemplates.Sum(t => t.Version)));

    private string Url(string template)
    {
        var plan = PortalRoutes.PlanEntry(factory);
        var answerTemplate = PortalRoutes.AnswerTemplate(factory);
        var ids = factory.WithDb(db =>
        {
            var meeting = db.Meetings.Single(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith("Đảng ủy phường Kỳ Phương"));
            return new Dictionary<string, string>
            {
                ["{meeting}"] = meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{recommendation}"] = db.Recommendations.Where(r => r.MeetingId == meeting.Id).Select(r => r.Id).First().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{directive}"] = db.Directives.Where(d => d.MeetingId == meeting.Id).Select(d => d.Id).First().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{unit}"] = meeting.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{group}"] = db.BodyGroups.Where(g => g.UnitId == meeting.UnitId).Select(g => g.Id).First().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{organisation}"] = db.Organisations.Where(o => o.UnitId == meeting.UnitId).Select(o => o.Id).First().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{account}"] = db.Users.Where(u => u.UserName == "thuky.kyphuong").Select(u => u.Id).Single(),
                ["{plan}"] = plan.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{gathered}"] = db.GatheredRecommendations.Where(g => g.PlannedDialogueId == plan).Select(g => g.Id).FirstOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{template}"] = answerTemplate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{snapshot}"] = db.Snapshots.Where(s => s.UnitId == meeting.UnitId).Select(s => s.Id).FirstOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        });
        return ids.Aggregate(template, (url, id) => url.Replace(id.Key, id.Value, StringComparison.Ordinal));
    }
}
