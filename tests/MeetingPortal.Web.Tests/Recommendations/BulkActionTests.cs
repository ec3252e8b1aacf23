using System.Net;
using MeetingPortal.Application.Recommendations;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 18, deliver 4 (ADR 0025 section 4): trackers assign, forward and close many recommendations in one action and
/// responders answer several with one text. Each item is authorized and checked one by one; the refused ones are listed
/// with their reasons and left untouched, the rest saved together, each with its own history and notification ("not done
/// if a bulk action leaves some items changed and others not without saying which and why").
/// </summary>
public sealed class BulkActionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor By = new("test", DateTime.UtcNow);

    private const string Tracker = "theodoi.kyanh";

    /// <summary>
    /// Published recommendations of Kỳ Phương (in the town tracker's scope), from the <paramref name="skip"/>-th by id. The
    /// seed has six; each test brings the ones it uses to the state it needs first, so tests may share them.
    /// </summary>
    private List<int> KyPhuong(int skip, int take) => factory.WithDb(db => db.Recommendations
        .Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Meeting.Status == Domain.Meetings.MeetingStatus.Published)
        .OrderBy(r => r.Id).Skip(skip).Take(take).Select(r => r.Id).ToList());

    /// <summary>A recommendation of Hà Tĩnh city: outside the Kỳ Anh town tracker's and the Kỳ Phương responder's scope.</summary>
    private int Outside() => factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "tp-ha-tinh").OrderBy(r => r.Id).Select(r => r.Id).First());

    private int BodyOf(string userName) => factory.WithDb(db => db.Users.Where(u => u.UserName == userName).Select(u => u.OrganisationId!.Value).Single());

    /// <summary>Brings recommendation <paramref name="id"/> to a state through the domain, as a past action would have.</summary>
    private async Task SetAsync(int id, Action<Recommendation> act)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).Include(x => x.Hops)
            .Include(x => x.Roadmap).ThenInclude(m => m!.Milestones).AsSplitQuery().SingleAsync(x => x.Id == id);
        act(r);
        await db.SaveChangesAsync();
    }

    /// <summary>Awaiting an answer from <paramref name="body"/>.</summary>
    private Task AwaitingAsync(int id, int body) => SetAsync(id, r =>
    {
        if (r.State.Allows(RecommendationAction.Reopen))
        {
            r.Reopen("kiểm tra xử lý hàng loạt", By);
        }

        r.AssignTo(body, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), By);
    });

    /// <summary>Resolved (đã giải quyết): it may be closed, not assigned.</summary>
    private Task ResolvedAsync(int id) => SetAsync(id, r =>
    {
        if (r.State.Allows(RecommendationAction.Reopen))
        {
            r.Reopen("kiểm tra xử lý hàng loạt", By);
        }

        if (r.AddressedToOrganisationId is null)
        {
            r.AssignTo(BodyOf("traloi.kyphuong"), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), By);
        }

        r.Respond(ResponseKind.Resolved, r.Meeting!.HeldOn.AddDays(20), r.AddressedToOrganisationId, null, "Đã giải quyết xong", By);
    });

    private sealed record Snapshot(int Version, RecommendationStatus Status, int? Body, int Events, int Responses, int Notifications);

    private Snapshot State(int id) => factory.WithDb(db => db.Recommendations.Where(r => r.Id == id).Select(r => new Snapshot(
        r.Version, r.Status, r.AddressedToOrganisationId, r.Events.Count, r.Responses.Count, db.Notifications.Count(n => n.RecommendationId == id))).Single());

    /// <summary>Posts a bulk form as <paramref name="client"/>: the ids ticked, the fields typed, the antiforgery token of the page.</summary>
    private static async Task<HttpResponseMessage> PostBulkAsync(HttpClient client, string act, IEnumerable<int> ids, params (string Name, string Value)[] fields)
    {
        var token = await client.GetAntiforgeryTokenAsync($"/Recommendations/Bulk?act={act}");
        var handler = char.ToUpperInvariant(act[0]) + act[1..];
        var content = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        content.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        content.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync($"/Recommendations/Bulk?handler={handler}", new FormUrlEncodedContent(content));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_mixed_selection_is_assigned_where_it_may_be_and_each_other_item_is_refused_with_its_reason()
    {
        var ids = KyPhuong(0, 3);
        var (first, second, resolved) = (ids[0], ids[1], ids[2]);
        var outside = Outside();
        var body = BodyOf("traloi.kyphuong");
        await AwaitingAsync(first, BodyOf("traloi.kyanh"));
        await AwaitingAsync(second, BodyOf("traloi.kyanh"));
        await ResolvedAsync(resolved);
        var outsideContent = factory.WithDb(db => db.Recommendations.Where(r => r.Id == outside).Select(r => r.Content).Single());
        var before = new[] { first, second, resolved, outside }.ToDictionary(id => id, State);

        var tracker = await factory.SignInAsync(Tracker);
        // The tracker's rows carry a checkbox for the bulk form.
        var index = await tracker.GetHtmlAsync("/Recommendations");
        Assert.NotEmpty(index.Nodes("//input[@type='checkbox' and @form='bulk-form' and @name='ids']"));

        // The form shows the selection; an item out of scope by its number only.
        var selection = new[] { first, second, outside, resolved, first };
        var form = await tracker.GetHtmlAsync("/Recommendations/Bulk?act=assign&" + string.Join("&", selection.Select(i => $"ids={i}")));
        Assert.Equal(4, form.Nodes("//ul[@class='bulk-selection']/li/input[@checked]").Count);
        Assert.DoesNotContain(outsideContent[..Math.Min(40, outsideContent.Length)], form.Text(), StringComparison.Ordinal);

        var response = await PostBulkAsync(tracker, "assign", selection, ("Input.OrganisationId", body.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([first, second], page.Nodes("//ul[@class='bulk-done']/li").Select(li => li.GetAttributeValue("data-id", 0)).ToArray());
        var refused = page.Nodes("//ul[@class='bulk-refused']/li").ToDictionary(li => li.GetAttributeValue("data-id", 0), li => HtmlAgilityPack.HtmlEntity.DeEntitize(li.InnerText));
        // In the order selected, each once.
        Assert.Equal([outside, resolved], refused.Keys.ToArray());
        Assert.Contains("không thuộc phạm vi", refused[outside], StringComparison.Ordinal);
        Assert.Contains("đã được giải quyết hoặc đóng", refused[resolved], StringComparison.Ordinal);
        // Nothing of the item out of scope is shown, not even as a link.
        Assert.DoesNotContain(outsideContent[..Math.Min(40, outsideContent.Length)], page.Text(), StringComparison.Ordinal);
        Assert.Empty(page.Nodes($"//a[contains(@href,'/Recommendations/{outside}')]"));
        Assert.Contains("bị trùng", page.Text(), StringComparison.Ordinal);

        foreach (var id in new[] { first, second })
        {
            var after = State(id);
            Assert.Equal(body, after.Body);
            Assert.Equal(before[id].Version + 1, after.Version);
            // Its own history step, by the tracker, and its own notification to the body's responders.
            Assert.Equal(before[id].Events + 1, after.Events);
            Assert.Equal(1, factory.WithDb(db => db.RecommendationEvents.Count(e => e.RecommendationId == id && e.Kind == RecommendationEventKind.Assigned && e.UserName == Tracker)));
            Assert.True(after.Notifications > before[id].Notifications);
            Assert.True(factory.WithDb(db => db.Notifications.Any(n => n.RecommendationId == id && n.Kind == NotificationKind.Assigned && n.UserId == db.Users.Single(u => u.UserName == "traloi.kyphuong").Id)));
        }

        Assert.Equal(before[resolved], State(resolved));
        Assert.Equal(before[outside], State(outside));
    }

    [Fact]
    public async Task A_failure_at_the_save_leaves_every_item_unchanged()
    {
        var ids = KyPhuong(3, 2);
        foreach (var id in ids)
        {
            await ResolvedAsync(id);
        }

        var before = ids.ToDictionary(id => id, State);
        // The second item's update fails inside the one save (as a constraint or a concurrent writer would make it fail).
        // DDL takes no parameters; the id is a number read from the database.
        var trigger = "CREATE TRIGGER bulk_test_fail BEFORE UPDATE ON Recommendations WHEN NEW.Id = "
            + ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture) + " BEGIN SELECT RAISE(ABORT, 'bulk test'); END;";
        factory.WithDb(db => db.Database.ExecuteSqlRaw(trigger));
        try
        {
            var result = await factory.RunAsync<BulkCloseRecommendations, BulkResult>(Tracker, (useCase, user) => useCase.ExecuteAsync(user, new BulkCloseCommand(ids, "Đã xong"), CancellationToken.None));
            Assert.Equal(BulkStatus.NotSaved, result.Status);
            Assert.Empty(result.Done);
            Assert.Equal(ids, result.Refused.Select(i => i.Id).Order());
            Assert.Contains("không kiến nghị nào bị thay đổi", result.Errors.Single().Message, StringComparison.Ordinal);
        }
        finally
        {
            factory.WithDb(db => db.Database.ExecuteSqlRaw("DROP TRIGGER bulk_test_fail;"));
        }

        foreach (var id in ids)
        {
            Assert.Equal(before[id], State(id));
        }

        // Without the failure the same action closes both.
        var again = await factory.RunAsync<BulkCloseRecommendations, BulkResult>(Tracker, (useCase, user) => useCase.ExecuteAsync(user, new BulkCloseCommand(ids, "Đã xong"), CancellationToken.None));
        Assert.Equal(ids, again.Done.Select(i => i.Id).Order());
        Assert.All(ids, id => Assert.Equal(RecommendationStatus.Closed, State(id).Status));
    }

    [Fact]
    public async Task A_responder_answers_several_with_one_text_and_an_item_of_another_body_is_refused_by_itself()
    {
        var ids = KyPhuong(3, 3);
        var own = BodyOf("traloi.kyphuong");
        var other = BodyOf("traloi.kyanh");
        await AwaitingAsync(ids[0], own);
        await AwaitingAsync(ids[1], own);
        await AwaitingAsync(ids[2], other);
        var before = ids.ToDictionary(id => id, State);

        var responder = await factory.SignInAsync("traloi.kyphuong");
        var queue = await responder.GetHtmlAsync("/Recommendations/Queue");
        Assert.NotEmpty(queue.Nodes($"//input[@type='checkbox' and @form='bulk-answer' and @value='{ids[0]}']"));

        const string Text = "BTV Đảng ủy tiếp thu và tiếp tục tìm các phương án giải quyết";
        var response = await PostBulkAsync(responder, "answer", ids, ("Input.Kind", "Accepted"), ("Input.Content", Text));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([ids[0], ids[1]], page.Nodes("//ul[@class='bulk-done']/li").Select(li => li.GetAttributeValue("data-id", 0)).ToArray());
        var refused = page.Node($"//ul[@class='bulk-refused']/li[@data-id='{ids[2]}']");
        Assert.Contains("Vai trò của bạn không được", HtmlAgilityPack.HtmlEntity.DeEntitize(refused.InnerText), StringComparison.Ordinal);

        foreach (var id in ids[..2])
        {
            var after = State(id);
            Assert.Equal(RecommendationStatus.Answered, after.Status);
            Assert.Equal(before[id].Responses + 1, after.Responses);
            Assert.Equal(1, factory.WithDb(db => db.Responses.Count(x => x.RecommendationId == id && x.Content == Text)));
            Assert.True(after.Notifications > before[id].Notifications);
            Assert.Equal(1, factory.WithDb(db => db.RecommendationEvents.Count(e => e.RecommendationId == id && e.Kind == RecommendationEventKind.Responded && e.UserName == "traloi.kyphuong")));
        }

        Assert.Equal(before[ids[2]], State(ids[2]));
    }

    [Fact]
    public async Task Bad_input_is_said_beside_its_field_with_the_selection_and_text_kept_and_nothing_changed()
    {
        var ids = KyPhuong(0, 2);
        foreach (var id in ids)
        {
            await AwaitingAsync(id, BodyOf("traloi.kyphuong"));
        }

        var before = ids.ToDictionary(id => id, State);
        var tracker = await factory.SignInAsync(Tracker);

        // No reason, a date that is none, a body that does not exist.
        var response = await PostBulkAsync(tracker, "forward", ids, ("Input.OrganisationId", "999999"), ("Input.DueOn", "2027-02-30"), ("Input.Reason", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        // The date that did not bind is said beside it, typed as it was; nothing is tried before it is right.
        Assert.NotNull(page.DocumentNode.SelectSingleNode("//*[@id='bulk-due-error']"));
        Assert.Equal("2027-02-30", page.Node("//input[@id='bulk-due']").GetAttributeValue("value", ""));
        Assert.Equal(ids, page.Nodes("//ul[@class='bulk-selection']/li/input[@checked]").Select(i => i.GetAttributeValue("value", 0)));
        Assert.Empty(page.Nodes("//*[@data-bulk-result]"));

        // An unknown body and no reason: each said beside its field.
        response = await PostBulkAsync(tracker, "forward", ids, ("Input.OrganisationId", "999999"), ("Input.Reason", " "));
        page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("lý do", page.Node("//*[@id='bulk-reason-error']").InnerText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("chọn cơ quan", page.Node("//*[@id='bulk-body-error']").InnerText, StringComparison.OrdinalIgnoreCase);

        // An answer without a text keeps the date typed; none selected; too many selected.
        response = await PostBulkAsync(tracker, "answer", ids, ("Input.Kind", "Accepted"), ("Input.RespondedOn", Iso(new DateOnly(2022, 7, 1))), ("Input.Content", ""));
        page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.DocumentNode.SelectSingleNode("//*[@id='bulk-content-error']"));
        Assert.Equal("2022-07-01", page.Node("//input[@id='bulk-date']").GetAttributeValue("value", ""));

        response = await PostBulkAsync(tracker, "close", [], ("Input.Note", "Ghi chú giữ lại"));
        page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("ít nhất một kiến nghị", page.Node("//*[@id='ids-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal("Ghi chú giữ lại", HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//textarea[@id='bulk-note']").InnerText));

        response = await PostBulkAsync(tracker, "close", Enumerable.Range(1, BulkRecommendationChange.MaxItems + 1));
        page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("tối đa 200", page.Node("//*[@id='ids-error']").InnerText, StringComparison.Ordinal);

        // An unknown action on the form's address: said, never a 500.
        var unknown = await tracker.GetAsync($"/Recommendations/Bulk?act=delete&ids={ids[0]}");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);

        foreach (var id in ids)
        {
            Assert.Equal(before[id], State(id));
        }
    }

    [Fact]
    public async Task Forwarding_and_closing_in_bulk_refuse_the_items_the_domain_refuses()
    {
        var ids = KyPhuong(2, 3);
        var kyphuong = BodyOf("traloi.kyphuong");
        await AwaitingAsync(ids[0], kyphuong);
        await ResolvedAsync(ids[1]);
        await AwaitingAsync(ids[2], BodyOf("traloi.kyanh"));
        var tracker = await factory.SignInAsync(Tracker);

        // Forward to the Kỳ Phương body: the item it already holds is refused ("another body"), the resolved one too.
        var forwarded = await factory.RunAsync<BulkForwardRecommendations, BulkResult>(Tracker, (useCase, user) =>
            useCase.ExecuteAsync(user, new BulkForwardCommand(ids, kyphuong, null, "Thuộc thẩm quyền của phường"), CancellationToken.None));
        Assert.Equal([ids[2]], forwarded.Done.Select(i => i.Id));
        Assert.Contains("cơ quan khác", forwarded.Refused.Single(i => i.Id == ids[0]).Reason, StringComparison.Ordinal);
        Assert.Contains("chưa trả lời", forwarded.Refused.Single(i => i.Id == ids[1]).Reason, StringComparison.Ordinal);
        Assert.Equal(kyphuong, State(ids[2]).Body);
        Assert.Equal(1, factory.WithDb(db => db.RecommendationHops.Count(h => h.RecommendationId == ids[2] && h.Reason == "Thuộc thẩm quyền của phường")));

        // Close through the page: the resolved one closes, the others are said not resolved.
        var page = Html.Parse(await (await PostBulkAsync(tracker, "close", ids, ("Input.Note", "Đã kiểm tra"))).Content.ReadAsStringAsync());
        Assert.Equal([ids[1]], page.Nodes("//ul[@class='bulk-done']/li").Select(li => li.GetAttributeValue("data-id", 0)));
        Assert.Equal(2, page.Nodes("//ul[@class='bulk-refused']/li[contains(., 'Chỉ đóng được kiến nghị đã giải quyết')]").Count);
        Assert.Equal(RecommendationStatus.Closed, State(ids[1]).Status);
    }

    [Fact]
    public async Task The_assign_form_offers_the_bodies_of_the_selected_items_units_and_the_units_above_them()
    {
        // Kỳ Phương's lineage: the ward, Kỳ Anh town, Hà Tĩnh province, the country; not Hà Tĩnh city beside the town.
        var expected = factory.WithDb(db =>
        {
            var path = db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Path).Single();
            var lineage = db.Units.Select(u => new { u.Id, u.Path }).AsEnumerable().Where(u => path.StartsWith(u.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
            return db.Organisations.Where(o => lineage.Contains(o.UnitId)).Select(o => o.Id).OrderBy(id => id).ToList();
        });
        Assert.Contains(BodyOf("traloi.kyphuong"), expected);
        Assert.Contains(BodyOf("traloi.kyanh"), expected);

        var tracker = await factory.SignInAsync(Tracker);
        var form = await tracker.GetHtmlAsync("/Recommendations/Bulk?act=assign&" + string.Join("&", KyPhuong(0, 2).Select(i => $"ids={i}")));
        var offered = form.Nodes("//select[@name='Input.OrganisationId']/option").Select(o => o.GetAttributeValue("value", 0)).Where(v => v > 0).OrderBy(v => v).ToList();
        Assert.Equal(expected, offered);
        Assert.DoesNotContain(BodyOf("traloi.tphatinh"), offered);
    }
}
