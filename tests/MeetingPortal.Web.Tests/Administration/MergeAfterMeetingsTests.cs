using System.Net;
using System.Net.Http.Headers;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 16 trial: a merger took effect before a meeting the merged unit still held (its minutes then named a peer ward
/// as the superior body), and the merger of a ward whose minutes were approved was listed as a correction of the record.
/// A unit ends (merged or retired) only after the last meeting it holds; a merger is not a correction.
/// </summary>
public sealed class MergeAfterMeetingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private string State() => factory.WithDb(db => string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => u.Path + u.MergedIntoId + u.RetiredOn).AsEnumerable())
        + string.Join("|", db.Meetings.OrderBy(m => m.Id).Select(m => m.UnitId + ":" + m.HeldInUnitId).AsEnumerable()));

    [Fact]
    public async Task A_merger_or_a_retired_level_dated_before_a_meeting_of_the_unit_is_refused_and_nothing_changes()
    {
        var before = State();
        // Thành phố Hà Tĩnh met on 16/3/2022: it cannot have been merged into Hồng Lĩnh from 1/1/2022.
        var merge = await factory.RunAsync<ChangeUnits, UnitMergeOutcome>("quantri.toanquoc", (uc, user) => uc.MergeAsync(user, UnitId("tp-ha-tinh"),
            new UnitMergeInput { TargetId = UnitId("tx-hong-linh"), Reason = "Sáp nhập (thử)", EffectiveOn = new DateOnly(2022, 1, 1), Confirm = true }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Invalid, merge.Result.Status);
        Assert.Contains(merge.Result.Errors, e => e.Field == nameof(UnitMergeInput.EffectiveOn) && e.Message.Contains("16/03/2022", StringComparison.Ordinal));

        var retire = await factory.RunAsync<ChangeUnits, ReorganisationOutcome>("quantri.toanquoc", (uc, user) => uc.ReorganiseAsync(user, new ReorganisationInput
        {
            LegalBasis = HaTinh2025.Basis,
            EffectiveOn = new DateOnly(2022, 7, 1),
            RetireLevelId = factory.WithDb(db => db.UnitLevels.Single(l => l.Rank == 3).Id),
            Confirm = true,
        }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Invalid, retire.Result.Status);
        Assert.Contains(retire.Result.Errors, e => e.Field == nameof(ReorganisationInput.RetireLevelId));
        Assert.Equal(before, State());
    }

    [Fact]
    public async Task The_2025_merger_of_Ky_Phuong_is_not_listed_as_a_correction_of_its_approved_minutes()
    {
        var meeting = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id);
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var form = await HtmlForm.LoadAsync(leader, $"/Meetings/{meeting}/Minutes/Approve", "//form[@method='post' and contains(@class,'approve-minutes-form')]");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields.Where(f => f.Key != "file"))
        {
            content.Add(new StringContent(value), name);
        }

        var scan = new ByteArrayContent("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray());
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "file", "bien-ban.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostAsync(form.Action, content)).StatusCode);

        var (_, outcome) = await HaTinh2025.ApplyAsync(factory);
        Assert.Equal(UseCaseStatus.Done, outcome.Result.Status);

        var page = Html.Parse(await (await factory.SignInAsync("quantri.toanquoc")).GetStringAsync($"/Meetings/{meeting}"));
        Assert.Empty(page.Nodes("//*[contains(@class,'correction')]"));
    }
}
