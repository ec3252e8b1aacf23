using System.Net;
using System.Text.RegularExpressions;
using MeetingPortal.Application.Results;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Results;

/// <summary>
/// Issue 18, deliver 5: "A unit may publish a read-only public page of a dialogue's results (off by default; only what it
/// marks public; no personal data; its own tests that nothing else shows)." Anonymous, on real SQLite: the page shows the
/// meeting and the marked items only; no unmarked item, no person's name (the raiser, the answerer, the speakers, the
/// participants, an account), nothing of another meeting, no link into the portal; a draft, a page taken down, a random
/// or malformed id answer 404.
/// </summary>
public sealed partial class PublicResultsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [GeneratedRegex(@"\b(?:quantri|thuky|theodoi|traloi|lanhdao)\.[a-z]+\b")]
    private static partial Regex AccountName();

    /// <summary>Every person's name the meeting's record holds: participants, speakers and those who raised or answered an item.</summary>
    private List<string> PeopleOf(int meetingId) => factory.WithDb(db =>
        db.People.Where(p => db.MeetingParticipants.Any(x => x.MeetingId == meetingId && x.PersonId == p.Id)
                || db.Speeches.Any(s => s.MeetingId == meetingId && s.SpeakerId == p.Id)
                || db.Recommendations.Any(r => r.MeetingId == meetingId && r.RaisedByPersonId == p.Id)
                || db.Responses.Any(x => x.PersonId == p.Id && db.Recommendations.Any(r => r.Id == x.RecommendationId && r.MeetingId == meetingId)))
            .Select(p => p.FullName).ToList());

    [Fact]
    public async Task Only_the_marked_items_show_with_no_person_named_nothing_of_another_meeting_and_no_link_into_the_portal()
    {
        var prepared = await ResultsFixtures.PrepareAsync(factory);
        var id = ResultsFixtures.Meeting(factory);
        var items = ResultsFixtures.Items(factory, id);
        var unmarked = items.Where(i => i.Id != prepared).ToList();
        Assert.NotEmpty(unmarked);
        var publicId = ResultsFixtures.Publish(factory, id, prepared);
        // Another unit's dialogue published with all its items.
        var otherId = ResultsFixtures.Meeting(factory, SeedTitles.TpHaTinh);
        var otherItems = ResultsFixtures.Items(factory, otherId);
        var otherPublicId = ResultsFixtures.Publish(factory, otherId, [.. otherItems.Select(i => i.Id)]);
        Assert.NotEqual(publicId, otherPublicId);

        var response = await factory.CreateBrowserLikeClient().GetAsync($"/Public/Results/{publicId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        var text = page.Text();

        // The meeting and its one marked item, with its addressed body, answer, state and progress.
        Assert.Contains(SeedTitles.KyPhuong, text, StringComparison.Ordinal);
        Assert.Contains("Phường Kỳ Phương", text, StringComparison.Ordinal);
        Assert.Contains("28/06/2022", text, StringComparison.Ordinal);
        Assert.Single(page.Nodes("//li[@data-result-item]"));
        var content = items.Single(i => i.Id == prepared).Content;
        Assert.Contains(content.Trim()[..Math.Min(60, content.Trim().Length)], text, StringComparison.Ordinal);
        var addressed = factory.WithDb(db => db.Recommendations.Where(r => r.Id == prepared).Select(r => r.AddressedToOrganisation!.Name).Single());
        Assert.Contains(addressed, text, StringComparison.Ordinal);
        Assert.Contains(ResultsFixtures.AnswerText, text, StringComparison.Ordinal);
        Assert.Contains("Đã trả lời", text, StringComparison.Ordinal);
        Assert.Contains("Đạt 40%", text, StringComparison.Ordinal);

        // Nothing else: no unmarked item, nothing of the other meeting.
        foreach (var (_, other) in unmarked.Concat(otherItems))
        {
            var excerpt = other.Trim()[..Math.Min(60, other.Trim().Length)];
            if (!content.Contains(excerpt, StringComparison.Ordinal))
            {
                Assert.DoesNotContain(excerpt, text, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(SeedTitles.TpHaTinh, text, StringComparison.Ordinal);

        // No person's name, no account, not even the raising side (a body, but not what the page publishes).
        var people = PeopleOf(id);
        Assert.Contains(ResultsFixtures.RaiserName, people);
        Assert.Contains(ResultsFixtures.AnswererName, people);
        foreach (var person in people)
        {
            Assert.DoesNotContain(person, html, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(AccountName(), html);
        Assert.DoesNotContain("(demo)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kính gửi", text, StringComparison.Ordinal);

        // No link into the portal, no form, no internal id: the only link is the skip link, the only resource the style sheet.
        Assert.All(page.Nodes("//a[@href]"), a => Assert.Equal("#main", a.GetAttributeValue("href", "")));
        Assert.Empty(page.Nodes("//form"));
        Assert.All(page.Nodes("//link[@href]"), l => Assert.StartsWith("/css/", l.GetAttributeValue("href", ""), StringComparison.Ordinal));
        Assert.DoesNotContain($"/Recommendations/{prepared}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{prepared}\"", html, StringComparison.Ordinal);

        // A signed-in reader gets the same page: no menu, no name of the reader.
        var signedIn = await (await factory.SignInAsync("lanhdao.kyphuong")).GetAsync($"/Public/Results/{publicId}");
        var signedInHtml = await signedIn.Content.ReadAsStringAsync();
        Assert.DoesNotContain("lanhdao.kyphuong", signedInHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("(demo)", signedInHtml, StringComparison.Ordinal);
        Assert.All(Html.Parse(signedInHtml).Nodes("//a[@href]"), a => Assert.Equal("#main", a.GetAttributeValue("href", "")));

        // The raising side reads what the unit published, and not the committee's notice (ADR 0026 keeps it out of those pages).
        var raiser = await factory.SignInAsync("mattran.kyphuong");
        var asRaiser = await raiser.GetAsync($"/Public/Results/{publicId}");
        Assert.Equal(HttpStatusCode.OK, asRaiser.StatusCode);
        Assert.Single(Html.Parse(await asRaiser.Content.ReadAsStringAsync()).Nodes("//li[@data-result-item]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await raiser.GetAsync($"/Meetings/{id}/Results")).StatusCode);
    }

    [Fact]
    public async Task A_page_taken_down_a_draft_and_any_other_id_are_not_found()
    {
        var anonymous = factory.CreateBrowserLikeClient();
        var id = ResultsFixtures.Meeting(factory, SeedTitles.TpHaTinh);
        var items = ResultsFixtures.Items(factory, id);
        var publicId = ResultsFixtures.Publish(factory, id, items[0].Id);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Public/Results/{publicId}")).StatusCode);

        // Taken down.
        factory.WithDb(db =>
        {
            var results = db.PublicResults.Include(p => p.Items).Single(p => p.MeetingId == id);
            results.Set(false, [items[0].Id], MeetingStatus.Published, [.. items.Select(i => i.Id)], DateTime.UtcNow);
            return db.SaveChanges();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Results/{publicId}")).StatusCode);

        // A draft whose row says published (the domain refuses it; a row written behind its back is still not shown).
        var (draft, recommendation) = ResultsFixtures.Draft(factory, "Đối thoại nháp (trang công khai)", "Kiến nghị nháp không được hiện ra công chúng.");
        var draftId = factory.WithDb(db =>
        {
            var results = PublicResults.Start(draft);
            results.Set(false, [recommendation], MeetingStatus.Draft, [recommendation], DateTime.UtcNow);
            db.PublicResults.Add(results);
            db.SaveChanges();
            db.Database.ExecuteSql($"UPDATE PublicResults SET IsPublished = 1 WHERE MeetingId = {draft}");
            return results.PublicId;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Results/{draftId}")).StatusCode);

        // Ids never issued: random, malformed, the meeting's own id, one that differs only in case.
        var otherCase = string.Concat(publicId.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
        foreach (var other in new[] { PublicResults.NewPublicId(), "abc", id.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('A', 500), "%27%20OR%201%3D1--", otherCase })
        {
            var response = await anonymous.GetAsync($"/Public/Results/{other}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{other}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_units_published_results_are_listed_for_it_alone_while_they_show()
    {
        var kyPhuong = ResultsFixtures.Meeting(factory);
        var tpHaTinh = ResultsFixtures.Meeting(factory, SeedTitles.TpHaTinh);
        var shown = ResultsFixtures.Publish(factory, kyPhuong, ResultsFixtures.Items(factory, kyPhuong)[0].Id);
        ResultsFixtures.Publish(factory, tpHaTinh, ResultsFixtures.Items(factory, tpHaTinh)[0].Id);
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var (draft, recommendation) = ResultsFixtures.Draft(factory, "Đối thoại nháp (danh sách công khai)", "Kiến nghị nháp.");
        factory.WithDb(db =>
        {
            var results = PublicResults.Start(draft);
            results.Set(false, [recommendation], MeetingStatus.Draft, [recommendation], DateTime.UtcNow);
            db.PublicResults.Add(results);
            db.SaveChanges();
            return db.Database.ExecuteSql($"UPDATE PublicResults SET IsPublished = 1 WHERE MeetingId = {draft}");
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<PublicResultsQuery>();
        var listed = await query.OfUnitAsync(unit, CancellationToken.None);
        var only = Assert.Single(listed);
        Assert.Equal((shown, SeedTitles.KyPhuong, 1), (only.PublicId, only.Title, only.ItemCount));
    }
}
