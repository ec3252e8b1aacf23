using System.Net;
using MeetingPortal.Domain.History;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16's second trial: after the 2025 change (Kỳ Phương merged into a new ward under the province, the district
/// level retired), saving the 2022 Kỳ Phương record with only "Địa điểm" changed made a new "Ban Dân vận Thị ủy" in
/// today's ward and moved the record's participant and speech onto it, while the history said only "Location"
/// changed. A record keeps the bodies, people and groups it names, wherever they stand in today's tree.
/// </summary>
public sealed class EditAfterReorganisationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Every reference the record holds, and how many bodies, people and groups the portal has.</summary>
    private string References(int id) => factory.WithDb(db =>
    {
        var m = db.Meetings.AsNoTracking()
            .Include(x => x.Participants).Include(x => x.Organisations).Include(x => x.Speeches).Include(x => x.Recommendations)
            .Include(x => x.Directives).ThenInclude(d => d.Assignees).Include(x => x.ParticipantGroups)
            .AsSplitQuery().Single(x => x.Id == id);
        return string.Join(" / ",
            $"bodies {db.Organisations.Count()}, people {db.People.Count()}, groups {db.BodyGroups.Count()}",
            "host " + m.HostOrganisationId,
            "listed " + string.Join(",", m.Organisations.Select(o => o.OrganisationId).Order()),
            "participants " + string.Join(",", m.Participants.OrderBy(p => p.Id).Select(p => $"{p.PersonId}@{p.OrganisationId}")),
            "speeches " + string.Join(",", m.Speeches.OrderBy(s => s.Id).Select(s => $"{s.SpeakerId}@{s.OrganisationId}")),
            "recommendations " + string.Join(",", m.Recommendations.OrderBy(r => r.Id).Select(r => $"{r.RaisedByOrganisationId}>{r.AddressedToOrganisationId}")),
            "tasks " + string.Join(",", m.Directives.OrderBy(d => d.Id).Select(d => string.Join("+", d.Assignees.Select(a => a.OrganisationId).Order()))),
            "groups " + string.Join(",", m.ParticipantGroups.OrderBy(g => g.Order).Select(g => g.BodyGroupId)));
    });

    [Fact]
    public async Task Saving_one_field_of_a_merged_wards_old_record_keeps_every_body_person_and_group_it_names()
    {
        await HaTinh2025.ApplyAsync(factory);
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id);
        var before = References(id);
        var recorder = await factory.SignInAsync("thuky.hatinh");
        // The bodies the record names are not today's ward's, yet the save resolves them: none is offered as new (issue 17,
        // ADR 0022), or saving the offer's kind would list them among the meeting's organisations.
        Assert.Empty((await recorder.GetHtmlAsync($"/Meetings/{id}/Edit")).Nodes("//div[contains(@class,'organisation-offer')]//select"));
        var form = await HtmlForm.LoadAsync(recorder, $"/Meetings/{id}/Edit");
        form["Input.Location"] = "Hội trường Đảng ủy phường";
        form["Input.ChangeReason"] = "Bổ sung địa điểm";

        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(recorder, "save")).StatusCode);

        Assert.Equal(before, References(id));
        var changes = factory.WithDb(db => db.History.Where(h => h.EntityId == id && h.Action == HistoryAction.Updated).OrderBy(h => h.Id).Last().Changes);
        Assert.Contains("\"Location\"", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Participants", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Speeches", changes, StringComparison.Ordinal);
    }
}
