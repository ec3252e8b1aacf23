using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Script, attribute-breaking and javascript: payloads stored in every text field stay inert everywhere they are shown.</summary>
public sealed class PayloadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Script = "<script>alert('xss-1')</script>";
    private const string Attribute = "\"><img src=x onerror=alert('xss-2')>";
    private const string Link = "javascript:alert('xss-3')";
    private const string Formula = "=HYPERLINK(\"http://evil.invalid\",\"xss-4\")";

    private async Task<(int Meeting, int Recommendation, int Directive, int Unit)> SeedPayloadsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var unit = await db.Units.SingleAsync(u => u.Code == "p-tran-phu");
        var existing = await db.Meetings.FirstOrDefaultAsync(m => m.UnitId == unit.Id && m.Title.StartsWith(Script));
        if (existing is null)
        {
            var organisation = db.Organisations.Add(new Organisation(unit.Id, Attribute, OrganisationKind.FatherlandFront)).Entity;
            var person = db.People.Add(new MeetingPortal.Domain.People.Person(unit.Id, Script)).Entity;
            await db.SaveChangesAsync();
            var meeting = new Meeting(unit.Id, MeetingType.Dialogue, Script + Attribute, new DateOnly(2025, 5, 5))
            {
                Summary = Link + " " + Script,
                Conclusion = Attribute,
                Location = Link,
                HostOrganisationId = organisation.Id,
            };
            meeting.SetSource(Attribute, rebuiltFromSecondarySource: true);
            meeting.AddParticipant(person.Id, ParticipantRole.Chair, Attribute, organisation.Id);
            var speech = meeting.AddSpeech(SpeechKind.Recommendation, Script + Attribute, person.Id, Script, organisation.Id);
            meeting.Publish(DateTime.UtcNow);
            var r = meeting.RaiseRecommendation(speech, Formula + " " + Script, organisation.Id, person.Id);
            var by = new Actor("test", DateTime.UtcNow);
            r.AssignTo(organisation.Id, new DateOnly(2025, 6, 1), by);
            r.Respond(ResponseKind.Explained, new DateOnly(2025, 5, 20), organisation.Id, person.Id, Attribute + Link, by);
            meeting.AddDirective(Formula + Attribute, [organisation.Id], null);
            meeting.RefreshSearchText();
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            existing = meeting;
        }

        return (existing.Id,
            await db.Recommendations.Where(x => x.MeetingId == existing.Id).Select(x => x.Id).FirstAsync(),
            await db.Directives.Where(x => x.MeetingId == existing.Id).Select(x => x.Id).FirstAsync(),
            unit.Id);
    }

    [Fact]
    public async Task Payloads_are_shown_as_text_on_every_page()
    {
        var (meeting, recommendation, directive, unit) = await SeedPayloadsAsync();
        var client = await factory.SignInAsync("quantri.tranphu");
        string[] urls =
        [
            "/Meetings", "/Meetings?q=script", $"/Meetings/{meeting}", $"/Meetings/{meeting}/Edit", "/Recommendations",
            $"/Recommendations/{recommendation}", "/Directives", $"/Directives/{directive}", $"/Reports/Quarterly?unit={unit}&year=2025",
        ];
        foreach (var url in urls)
        {
            var page = await client.GetHtmlAsync(url);
            Assert.DoesNotContain(page.Nodes("//script"), s => s.InnerText.Contains("xss", StringComparison.Ordinal));
            Assert.Empty(page.Nodes("//*[@onerror]"));
            Assert.DoesNotContain(page.Nodes("//*[@href]"), a => a.GetAttributeValue("href", "").Contains("javascript:", StringComparison.OrdinalIgnoreCase));
            Assert.Matches("xss-[1-4]", page.Text());
        }
    }

    [Fact]
    public async Task Payloads_stay_inert_in_exports()
    {
        var (meeting, _, _, unit) = await SeedPayloadsAsync();
        var client = await factory.SignInAsync("quantri.tranphu");

        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/Recommendations?handler=Export&format=csv&unit={unit}"));
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", csv, StringComparison.Ordinal);

        var json = await client.GetStringAsync($"/Meetings/Export?id={meeting}");
        var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.StartsWith(Script, document.RootElement.GetProperty("meetings")[0].GetProperty("title").GetString(), StringComparison.Ordinal);

        var minutes = await client.GetByteArrayAsync($"/Meetings/{meeting}/Minutes");
        await using var stream = new MemoryStream(minutes);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        Assert.Contains(Script, docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(docx));
    }

    [Fact]
    public async Task Payloads_typed_into_the_administration_forms_stay_inert()
    {
        await SeedPayloadsAsync();
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var (ward, city, wardLevel) = factory.WithDb(db => (
            db.Units.Single(u => u.Code == "p-tran-phu").Id, db.Units.Single(u => u.Code == "tp-ha-tinh").Id, db.Units.Single(u => u.Code == "p-tran-phu").LevelId));
        string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var posts = new[]
        {
            await admin.PostFieldsAsync("/Admin/Users/Create", "/Admin/Users/Create", ("Input.UserName", "payload.tranphu"), ("Input.Account.FullName", Script + Attribute),
                ("Input.Account.UnitId", Id(ward)), ("Input.Account.Roles", "Recorder")),
            await admin.PostFieldsAsync("/Admin/Units", "/Admin/Units", ("Input.ParentId", Id(city)), ("Input.LevelId", Id(wardLevel)), ("Input.Name", Attribute + Link), ("Input.Code", "p-payload")),
            await admin.PostFieldsAsync("/Admin/Themes", "/Admin/Themes?handler=Add", ("Input.Code", "payload"), ("Input.Name", Script)),
            await admin.PostFieldsAsync("/Admin/Organisations", "/Admin/Organisations", ("Input.UnitId", Id(ward)), ("Input.Name", Script + Link), ("Input.Kind", "VillageBranch")),
        };
        Assert.All(posts, p => Assert.True(p.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Redirect, p.RequestMessage!.RequestUri!.ToString()));

        var account = factory.WithDb(db => db.Users.Single(u => u.UserName == "payload.tranphu").Id);
        var organisation = factory.WithDb(db => db.Organisations.Single(o => o.Name == Script + Link).Id);
        foreach (var url in new[] { "/Admin/Users", $"/Admin/Users/{account}", "/Admin/Units", "/Admin/Themes", "/Admin/Organisations", $"/Admin/Organisations/{organisation}", "/Admin/Audit" })
        {
            var page = await admin.GetHtmlAsync(url);
            Assert.DoesNotContain(page.Nodes("//script"), s => s.InnerText.Contains("xss", StringComparison.Ordinal));
            Assert.Empty(page.Nodes("//*[@onerror]"));
            Assert.DoesNotContain(page.Nodes("//*[@href]"), a => a.GetAttributeValue("href", "").Contains("javascript:", StringComparison.OrdinalIgnoreCase));
            // Shown as text or as a field's value (the theme names are inputs).
            Assert.Matches("xss-[1-3]", System.Net.WebUtility.HtmlDecode(page.DocumentNode.OuterHtml));
        }
    }
}
