using MeetingPortal.Application.Common;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16 trial: after the district level was retired on 1/7/2025, TP Hà Tĩnh's recorder imported a meeting dated
/// 2/11/2026 into the retired district (the form offers no unit for it). A retired unit holds no meeting from its
/// retirement on, whichever way the record comes in; its earlier records still import.
/// </summary>
public sealed class ImportIntoRetiredUnitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string File(string title, string heldOn) => $$"""
        {"formatVersion":3,"meetings":[{"unit":"tp-ha-tinh","type":"dialogue","title":"{{title}}","heldOn":"{{heldOn}}","status":"published","host":"thanh-uy",
         "organisations":[{"key":"thanh-uy","name":"Thành ủy Hà Tĩnh","kind":"partyCommittee"}],
         "speeches":[{"kind":"opinion","content":"Ý kiến","organisation":"thanh-uy"}]}]}
        """;

    [Fact]
    public async Task A_meeting_dated_after_the_units_retirement_is_refused_and_one_before_it_imports()
    {
        var (_, outcome) = await HaTinh2025.ApplyAsync(factory);
        Assert.Equal(UseCaseStatus.Done, outcome.Result.Status);
        var admin = await factory.SignInAsync("quantri.toanquoc");

        var after = await ImportMeetingsTests.UploadAsync(admin, ("after.json", File("Đối thoại sau khi thôi cấp huyện", "2026-11-02")));
        Assert.Contains("thôi hoạt động từ ngày 01/07/2025", after, StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại sau khi thôi cấp huyện")));

        await ImportMeetingsTests.UploadAsync(admin, ("before.json", File("Đối thoại trước khi thôi cấp huyện", "2025-06-30")));
        Assert.Equal(1, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại trước khi thôi cấp huyện")));
    }
}
