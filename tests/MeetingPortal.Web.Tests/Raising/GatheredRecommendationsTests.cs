using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18, deliver 2 (ADR 0026): the Front sends recommendations for a planned dialogue it takes part in, changes or
/// withdraws them until the host takes them up; bad input is said beside its field and saves nothing; another body's
/// are not found.
/// </summary>
public sealed class GatheredRecommendationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReviewPeriod NextQuarter = new(PeriodKind.Quarter, DateTime.UtcNow.Year + 1, 1);

    private int Count => factory.WithDb(db => db.GatheredRecommendations.Count());

    [Fact]
    public async Task The_front_sends_changes_and_withdraws_until_the_host_takes_it_up()
    {
        var entry = factory.AddEntry("p-ky-phuong", NextQuarter, "Đối thoại đầu năm với đoàn viên, hội viên");
        var elsewhere = factory.AddEntry("tp-ha-tinh", NextQuarter, "Đối thoại của thành phố");
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);

        var list = await raiser.GetHtmlAsync("/Raising/Gathered");
        Assert.NotEmpty(list.Nodes($"//a[@href='/Raising/Send?entry={entry}']"));
        Assert.Empty(list.Nodes($"//a[@href='/Raising/Send?entry={elsewhere}']"));
        // A dialogue the ward's Front takes no part in is not found, by the link or by a hand-made post.
        Assert.Equal(HttpStatusCode.NotFound, (await raiser.GetAsync($"/Raising/Send?entry={elsewhere}")).StatusCode);
        var before = Count;
        var foreign = await raiser.PostFieldsAsync($"/Raising/Send?entry={entry}", "/Raising/Send", ("Input.PlannedDialogueId", PlanFixtures.Id(elsewhere)), ("Input.Content", "Đề nghị"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // Nothing typed: said beside the field, nothing saved.
        var empty = await raiser.PostFieldsAsync($"/Raising/Send?entry={entry}", "/Raising/Send", ("Input.PlannedDialogueId", PlanFixtures.Id(entry)), ("Input.Content", "   "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyPage = Html.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập nội dung kiến nghị", emptyPage.Node("//*[@id='Input_Content-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal(before, Count);

        const string text = "Đề nghị sửa chữa tuyến mương thoát nước tổ dân phố 3, mùa mưa thường xuyên ngập úng.";
        var sent = await raiser.PostFieldsAsync($"/Raising/Send?entry={entry}", "/Raising/Send", ("Input.PlannedDialogueId", PlanFixtures.Id(entry)), ("Input.Content", text));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = factory.WithDb(db => db.GatheredRecommendations.Single(g => g.PlannedDialogueId == entry).Id);
        Assert.Equal((GatheredRecommendationState.Submitted, text), (factory.Gathered(id).State, factory.Gathered(id).Content));

        var changed = await raiser.PostFieldsAsync($"/Raising/Send/{id}", $"/Raising/Send/{id}", ("Input.Content", text + " Đã khảo sát cùng tổ dân phố."), ("Input.Version", PlanFixtures.Id(factory.Gathered(id).Version)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.EndsWith("Đã khảo sát cùng tổ dân phố.", factory.Gathered(id).Content, StringComparison.Ordinal);

        // Another body's Front finds none of it.
        var cityFront = await factory.SignInAsync("mattran.tphatinh");
        Assert.Equal(HttpStatusCode.NotFound, (await cityFront.GetAsync($"/Raising/Send/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cityFront.PostFieldsAsync("/Raising/Gathered", $"/Raising/Gathered?handler=Withdraw&id={id}", ("version", PlanFixtures.Id(factory.Gathered(id).Version)))).StatusCode);

        // The host's office puts it on the agenda: from then on the Front can neither change nor withdraw it.
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var agenda = await recorder.PostFieldsAsync($"/Plans/Agenda/{entry}", $"/Plans/Agenda/{entry}?handler=Agenda&item={id}", ("version", PlanFixtures.Id(factory.Gathered(id).Version)), ("on", "true"));
        Assert.Equal(HttpStatusCode.Redirect, agenda.StatusCode);
        Assert.Equal(GatheredRecommendationState.OnAgenda, factory.Gathered(id).State);
        var content = factory.Gathered(id).Content;
        var refused = await raiser.PostFieldsAsync($"/Raising/Send/{id}", $"/Raising/Send/{id}", ("Input.Content", "Nội dung khác"), ("Input.Version", PlanFixtures.Id(factory.Gathered(id).Version)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("không sửa, rút được nữa", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        var withdraw = await raiser.PostFieldsAsync("/Raising/Gathered", $"/Raising/Gathered?handler=Withdraw&id={id}", ("version", PlanFixtures.Id(factory.Gathered(id).Version)));
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Equal(content, factory.Gathered(id).Content);
        Assert.Contains("Đưa vào chương trình", (await raiser.GetHtmlAsync("/Raising/Gathered")).Text(), StringComparison.Ordinal);

        // Taken off the agenda again, it is the Front's to withdraw.
        await recorder.PostFieldsAsync($"/Plans/Agenda/{entry}", $"/Plans/Agenda/{entry}?handler=Agenda&item={id}", ("version", PlanFixtures.Id(factory.Gathered(id).Version)), ("on", "false"));
        var withdrawn = await raiser.PostFieldsAsync("/Raising/Gathered", $"/Raising/Gathered?handler=Withdraw&id={id}", ("version", PlanFixtures.Id(factory.Gathered(id).Version)));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(before, Count);
    }

    [Fact]
    public async Task Once_the_dialogue_is_held_or_taken_off_the_plan_what_was_sent_can_be_neither_changed_nor_withdrawn()
    {
        // Two sent recommendations, neither taken up by the host: one for the dialogue Kỳ Phương held on 28/6/2022 (its
        // record published), one for a dialogue taken off the plan. The list hides their buttons; a post by hand is refused.
        factory.FreeKyPhuongMeeting();
        var held = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại quý II với đoàn viên, hội viên");
        var offPlan = factory.AddEntry("p-ky-phuong", NextQuarter, "Đối thoại không tổ chức");
        var body = factory.BodyOf(PortalRoutes.RaiserUser);
        var sentToHeld = factory.AddGathered(held, body, "Đề nghị lắp đèn chiếu sáng tuyến đường ven biển.");
        var sentToOffPlan = factory.AddGathered(offPlan, body, "Đề nghị nâng cấp nhà văn hóa tổ dân phố 5.");
        var meeting = factory.KyPhuongMeeting();
        factory.WithDb(db =>
        {
            db.PlannedDialogues.Single(p => p.Id == held).LinkMeeting(db.Meetings.Single(m => m.Id == meeting));
            db.PlannedDialogues.Single(p => p.Id == offPlan).Cancel("Gộp vào hội nghị quý sau", new DateOnly(DateTime.UtcNow.Year, 1, 2));
            return db.SaveChanges();
        });
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);

        foreach (var id in new[] { sentToHeld, sentToOffPlan })
        {
            var (_, _, _, version, content) = factory.Gathered(id);

            var changed = await raiser.PostFieldsAsync("/Raising/Gathered", $"/Raising/Send/{id}", ("Input.Content", "Nội dung khác"), ("Input.Version", PlanFixtures.Id(version)));
            // The form cannot be shown again for a dialogue that no longer takes recommendations: the list says why.
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal("/Raising/Gathered", changed.Headers.Location?.OriginalString);
            var list = (await raiser.GetHtmlAsync("/Raising/Gathered")).Text();
            Assert.Contains("không còn nhận kiến nghị", list, StringComparison.Ordinal);
            Assert.DoesNotContain("Đã lưu thay đổi", list, StringComparison.Ordinal);
            Assert.Equal((version, content), (factory.Gathered(id).Version, factory.Gathered(id).Content));

            var withdraw = await raiser.PostFieldsAsync("/Raising/Gathered", $"/Raising/Gathered?handler=Withdraw&id={id}", ("version", PlanFixtures.Id(version)));
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
            Assert.Contains("không còn nhận kiến nghị", Html.Parse(await withdraw.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
            Assert.Equal((version, content), (factory.Gathered(id).Version, factory.Gathered(id).Content));
        }
    }

    private const string SendForm = "//form[@method='post' and .//textarea]";

    [Fact]
    public async Task A_change_refused_as_stale_keeps_what_was_typed_shows_the_stored_text_and_the_next_save_goes_through()
    {
        // Issue 18 trial: two tabs of the same change form; the second save used to keep the old version, refused forever.
        var entry = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, DateTime.UtcNow.Year + 1, 3), "Đối thoại về vệ sinh môi trường");
        var id = factory.AddGathered(entry, factory.BodyOf(PortalRoutes.RaiserUser), "Đề nghị bố trí thêm điểm tập kết rác tổ dân phố 2.");
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        var url = $"/Raising/Send/{id}";
        var tabA = await HtmlForm.LoadAsync(raiser, url, SendForm);
        var tabB = await HtmlForm.LoadAsync(raiser, url, SendForm);

        tabA["Input.Content"] = "Đề nghị bố trí thêm hai điểm tập kết rác tổ dân phố 2 (bản của tab A).";
        Assert.Equal(HttpStatusCode.Redirect, (await tabA.PostAsync(raiser, "save")).StatusCode);
        var afterA = factory.Gathered(id).Version;

        tabB["Input.Content"] = "Đề nghị thu gom rác hằng ngày ở tổ dân phố 2 (bản của tab B).";
        var refused = await tabB.PostAsync(raiser, "save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác thay đổi", page.Text(), StringComparison.Ordinal);
        Assert.EndsWith("(bản của tab A).", factory.Gathered(id).Content, StringComparison.Ordinal);
        // What B typed is kept, what A saved is shown beside it, and the form now carries the stored version.
        var again = HtmlForm.From(page, url, SendForm);
        Assert.Equal("Đề nghị thu gom rác hằng ngày ở tổ dân phố 2 (bản của tab B).", again["Input.Content"]);
        Assert.Equal(PlanFixtures.Id(afterA), again["Input.Version"]);
        Assert.Contains("(bản của tab A).", page.Node("//*[@data-stored-content]").InnerText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(raiser, "save")).StatusCode);
        Assert.EndsWith("(bản của tab B).", factory.Gathered(id).Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_the_host_took_up_opens_read_only_with_the_reason_not_as_a_form()
    {
        var entry = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, DateTime.UtcNow.Year + 1, 4), "Đối thoại về an toàn giao thông");
        var id = factory.AddGathered(entry, factory.BodyOf(PortalRoutes.RaiserUser), "Đề nghị lắp gờ giảm tốc trước cổng trường tiểu học.");
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        Assert.NotEmpty((await raiser.GetHtmlAsync($"/Raising/Send/{id}")).Nodes("//main//textarea[@name='Input.Content']"));

        factory.WithDb(db =>
        {
            db.GatheredRecommendations.Single(g => g.Id == id).PutOnAgenda(true);
            return db.SaveChanges();
        });
        var page = await raiser.GetHtmlAsync($"/Raising/Send/{id}");
        Assert.Empty(page.Nodes("//main//form[@method='post']"));
        Assert.Empty(page.Nodes("//main//textarea"));
        var text = page.Text();
        Assert.Contains("Đề nghị lắp gờ giảm tốc trước cổng trường tiểu học.", text, StringComparison.Ordinal);
        // The list's words for where it stands, and why it can no longer be changed.
        Assert.Contains("Đưa vào chương trình", text, StringComparison.Ordinal);
        Assert.Contains("không sửa, rút được nữa", text, StringComparison.Ordinal);
    }
}
