using HtmlAgilityPack;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 17, deliver 6: a meeting's participating bodies and a task's assigned bodies were listed by id, so
/// "Đảng ủy …" could come after "Ủy ban …" and before "Hội …". They are listed in Vietnamese order of the names
/// shown (those of the meeting's day), on the meeting page and on the task's page (ADR 0021).
/// </summary>
public sealed class MeetingDetailsOrderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Expected =
        ["Đảng ủy phường Kỳ Phương", "Hội Nông dân phường Kỳ Phương", "Tổ dân phố Hưng Phú", "Ủy ban nhân dân phường Kỳ Phương"];

    private static readonly string[] Added = ["Tổ dân phố Hưng Phú", "Hội Nông dân phường Kỳ Phương"];

    /// <summary>A published ward meeting with the four bodies taking part and a task given to all four; (meeting, task).</summary>
    private (int Meeting, int Directive) MeetingWithFourBodies() => factory.WithDb(db =>
    {
        var ward = db.Units.Single(u => u.Code == "p-ky-phuong").Id;
        // The two bodies added now get the highest ids: by id they would come after "Ủy ban …".
        foreach (var name in Added.Where(n => !db.Organisations.Any(o => o.UnitId == ward && o.Name == n)))
        {
            db.Organisations.Add(new Organisation(ward, name, OrganisationKind.SocioPoliticalOrganisation));
        }

        db.SaveChanges();
        var ids = db.Organisations.Where(o => o.UnitId == ward && Expected.Contains(o.Name)).Select(o => o.Id).OrderBy(i => i).ToList();
        Assert.Equal(4, ids.Count);
        var meeting = new Meeting(ward, MeetingType.Dialogue, "Đối thoại về trật tự đô thị", new DateOnly(2025, 10, 6)) { HostOrganisationId = ids[0] };
        foreach (var id in ids)
        {
            meeting.AddOrganisation(id);
        }

        meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến của đại biểu", null, null, null);
        var directive = meeting.AddDirective("Rà soát vỉa hè các tuyến phố", ids, new DateOnly(2025, 11, 6));
        meeting.Publish(new DateTime(2025, 10, 7, 3, 0, 0, DateTimeKind.Utc));
        db.Meetings.Add(meeting);
        db.SaveChanges();
        return (meeting.Id, directive.Id);
    });

    private static string Text(HtmlDocument page) => HtmlEntity.DeEntitize(page.Node("//main").InnerText);

    [Fact]
    public async Task The_meeting_page_lists_its_bodies_and_a_tasks_bodies_in_Vietnamese_order()
    {
        var (meeting, _) = MeetingWithFourBodies();
        var client = await factory.SignInAsync("lanhdao.kyphuong");

        var page = await client.GetHtmlAsync($"/Meetings/{meeting}");

        var bodies = page.Nodes("//section[h2[@id='organisations']]//li").Select(li => HtmlEntity.DeEntitize(li.InnerText).Trim()).ToList();
        Assert.Equal(Expected, bodies);
        Assert.Contains(string.Join(", ", Expected), Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_page_lists_its_bodies_in_Vietnamese_order()
    {
        var (_, directive) = MeetingWithFourBodies();
        var client = await factory.SignInAsync("lanhdao.kyphuong");

        var page = await client.GetHtmlAsync($"/Directives/{directive}");

        Assert.Contains(string.Join(", ", Expected), Text(page), StringComparison.Ordinal);
    }
}
