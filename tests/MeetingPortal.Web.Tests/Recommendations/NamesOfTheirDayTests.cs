using HtmlAgilityPack;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 16, deliver 3 (trial): renaming "Đảng ủy phường Kỳ Phương" to "Đảng ủy phường Hoành Sơn" from 1/7/2025 made
/// /Recommendations/4 say "Cơ quan giải quyết: Đảng ủy phường Hoành Sơn" and "28/06/2022 · Giải trình · Đảng ủy phường
/// Hoành Sơn". Each dated fact prints the names of its day (ADR 0018): the answer the name of the day it was given, the
/// addressed body the name of the day it received the item, with today's beside it; the task page the assignees of the
/// meeting's day; the tracker, a list, today's.
/// </summary>
public sealed class NamesOfTheirDayTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Old = "Đảng ủy phường Kỳ Phương";
    private const string New = "Đảng ủy phường Hoành Sơn";

    private static string Folded(HtmlNode node) => System.Text.RegularExpressions.Regex.Replace(HtmlEntity.DeEntitize(node.InnerText), @"\s+", " ").Trim();

    private static string Fact(HtmlDocument page, string term) =>
        Folded(page.Node($"//dl[@class='facts']/dt[normalize-space()='{term}']/following-sibling::dd[1]"));

    [Fact]
    public async Task After_a_rename_from_1_July_2025_the_Ky_Phuong_recommendation_keeps_the_names_of_2022_and_the_tracker_says_todays()
    {
        var committee = factory.WithDb(db => db.Organisations.Single(o => o.Name == Old).Id);
        var recommendation = factory.WithDb(db => db.Recommendations
            .Where(r => r.Meeting!.Title == SeedTitles.KyPhuong && r.AddressedToOrganisationId == committee && r.Responses.Any(x => x.OrganisationId == committee))
            .OrderBy(r => r.Id).Select(r => r.Id).First());

        var renamed = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.EditAsync(user, committee, new OrganisationInput { Name = New, Kind = OrganisationKind.PartyCommittee, EffectiveOn = new DateOnly(2025, 7, 1) }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, renamed.Status);

        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var page = await client.GetHtmlAsync($"/Recommendations/{recommendation}");
        // Who holds it: the name of the day it was addressed, and who that is today.
        Assert.Equal($"{Old} (nay là {New})", Fact(page, "Cơ quan giải quyết"));
        var answers = page.Nodes("//section[@aria-labelledby='responses']//ol[@class='history-list']/li/strong/..").Select(Folded).ToList();
        Assert.Contains(answers, a => a.StartsWith($"28/06/2022 · Giải trình · {Old}", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains(New, StringComparison.Ordinal));

        // The tracker is a list of work in hand: today's names, as its filter says them.
        var tracker = await client.GetStringAsync($"/Recommendations?addressedTo={committee}");
        Assert.Contains(New, tracker);
    }

    [Fact]
    public async Task A_task_given_in_2022_names_the_bodies_it_was_given_to_as_on_the_meetings_day()
    {
        // The unnamed district's meeting of 15/8/2022 gives a task to its people's committee by name.
        var (task, body) = factory.WithDb(db => db.Meetings.Where(m => m.HeldOn == new DateOnly(2022, 8, 15)).SelectMany(m => m.Directives)
            .Where(d => d.Assignees.Any()).OrderBy(d => d.Id).Select(d => new { d.Id, Body = d.Assignees.Select(a => a.OrganisationId).First() }).AsEnumerable()
            .Select(x => (x.Id, x.Body)).First());
        var old = factory.WithDb(db => db.Organisations.Single(o => o.Id == body).Name);
        var renamed = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.EditAsync(user, body, new OrganisationInput { Name = old + " (tên mới)", Kind = OrganisationKind.PeoplesCommittee, EffectiveOn = new DateOnly(2025, 7, 1) }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, renamed.Status);

        var client = await factory.SignInAsync("quantri.toanquoc");
        var page = await client.GetHtmlAsync($"/Directives/{task}");
        Assert.Contains(old, Fact(page, "Giao cho"));
        Assert.DoesNotContain("(tên mới)", Fact(page, "Giao cho"));
    }
}
