using System.Net;
using HtmlAgilityPack;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16, deliver 4 (ADR 0020): the meeting form adds, rewords, orders and removes the groups taking part, with the
/// same round-trip rows as its other rows. A group is found by name in the meeting's unit and the units above it, and
/// made in the meeting's unit when none is known; saving replaces the meeting's groups with the form's rows.
/// </summary>
public sealed class ParticipantGroupFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Recorder = "thuky.kyphuong";

    /// <summary>Kỳ Phương's seed group, named in its report's conclusion and among those present.</summary>
    private const string FrontGroup = "MTTQ và các tổ chức đoàn thể";

    private static async Task<HtmlForm> FormAfterAsync(HttpResponseMessage response, string url)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForm.From(Html.Parse(await response.Content.ReadAsStringAsync()), url);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string id)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return HtmlEntity.DeEntitize(page.Node($"//*[@id='{id}']").InnerText).Trim();
    }

    private static async Task<string> ErrorsOfAsync(HttpResponseMessage response) =>
        string.Join(" | ", Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//*[contains(@class,'field-error')]").Select(n => n.InnerText.Trim()).Where(t => t.Length > 0));

    private static int IdFrom(HttpResponseMessage saved) =>
        int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The meeting's groups in order: the group's id, name and unit code, and the record's wording.</summary>
    private List<(int Id, string Name, string Unit, string? Wording)> GroupsOf(int meetingId) => factory.WithDb(db =>
        db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.ParticipantGroups)
            .OrderBy(g => g.Order).Select(g => new { g.BodyGroupId, g.BodyGroup!.Name, g.BodyGroup.Unit!.Code, g.Wording }).AsEnumerable()
            .Select(g => (g.BodyGroupId, g.Name, g.Code, g.Wording)).ToList());

    /// <summary>A new record of <paramref name="user"/>'s ward with two group rows added through the form's buttons.</summary>
    private async Task<(HttpClient Client, HtmlForm Form)> NewFormWithTwoGroupRowsAsync(string title, string user = Recorder)
    {
        var client = await factory.SignInAsync(user);
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = title;
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.Speeches[0].Content"] = "Ủy ban MTTQ phường báo cáo kết quả.";
        var one = await FormAfterAsync(await form.PostAsync(client, "add-group"), "/Meetings/Create");
        Assert.Equal(title, one["Input.Title"]);
        var two = await FormAfterAsync(await one.PostAsync(client, "add-group"), "/Meetings/Create");
        return (client, two);
    }

    [Fact]
    public async Task A_new_record_names_a_known_group_in_its_own_wording_and_a_new_group_made_in_its_unit()
    {
        var (client, form) = await NewFormWithTwoGroupRowsAsync("Đối thoại có nhóm tham dự");
        var seedGroup = factory.WithDb(db => db.BodyGroups.Single(g => g.Unit!.Code == "p-ky-phuong" && g.Name == FrontGroup).Id);
        var groupsBefore = factory.WithDb(db => db.BodyGroups.Count());
        // Typed in another case and spacing, the seed group is still found.
        form["Input.Groups[0].Name"] = "mttq và các  tổ chức đoàn thể";
        form["Input.Groups[0].Wording"] = "MTTQ, các tổ chức đoàn thể chính trị xã hội phường";
        form["Input.Groups[1].Name"] = "Bí thư chi bộ các tổ dân phố";

        var saved = await form.PostAsync(client, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(saved));
        var groups = GroupsOf(IdFrom(saved));
        Assert.Equal(
            [(seedGroup, FrontGroup, "p-ky-phuong", "MTTQ, các tổ chức đoàn thể chính trị xã hội phường"), (groups[1].Id, "Bí thư chi bộ các tổ dân phố", "p-ky-phuong", (string?)null)],
            groups);
        Assert.Equal(groupsBefore + 1, factory.WithDb(db => db.BodyGroups.Count()));
        var page = await client.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal(
            ["MTTQ, các tổ chức đoàn thể chính trị xã hội phường", "Bí thư chi bộ các tổ dân phố"],
            page.Nodes("//section[@aria-labelledby='participant-groups']//li").Select(li => HtmlEntity.DeEntitize(li.InnerText.Trim())));
    }

    [Fact]
    public async Task Editing_moves_rewords_and_removes_groups_and_saving_replaces_them_with_the_rows()
    {
        var (client, form) = await NewFormWithTwoGroupRowsAsync("Đối thoại sửa nhóm tham dự");
        form["Input.Groups[0].Name"] = FrontGroup;
        form["Input.Groups[1].Name"] = "Các đồng chí Bí thư chi bộ";
        var saved = await form.PostAsync(client, "save");
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(saved));
        var id = IdFrom(saved);
        var url = $"/Meetings/{id}/Edit";

        var edit = await HtmlForm.LoadAsync(client, url);
        Assert.Equal((FrontGroup, "Các đồng chí Bí thư chi bộ"), (edit["Input.Groups[0].Name"], edit["Input.Groups[1].Name"]));
        var moved = await FormAfterAsync(await edit.PostAsync(client, "down-group:0"), url);
        Assert.Equal(("Các đồng chí Bí thư chi bộ", FrontGroup), (moved["Input.Groups[0].Name"], moved["Input.Groups[1].Name"]));
        moved["Input.Groups[1].Wording"] = "MTTQ và các đoàn thể phường";
        var resaved = await moved.PostAsync(client, "save");
        Assert.True(resaved.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(resaved));
        Assert.Equal(
            [("Các đồng chí Bí thư chi bộ", (string?)null), (FrontGroup, "MTTQ và các đoàn thể phường")],
            GroupsOf(id).Select(g => (g.Name, g.Wording)));

        var again = await HtmlForm.LoadAsync(client, url);
        var removed = await FormAfterAsync(await again.PostAsync(client, "remove-group:0"), url);
        Assert.Equal(FrontGroup, removed["Input.Groups[0].Name"]);
        Assert.False(removed.Fields.ContainsKey("Input.Groups[1].Name"));
        var last = await removed.PostAsync(client, "save");
        Assert.True(last.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(last));
        Assert.Equal([(FrontGroup, "MTTQ và các đoàn thể phường")], GroupsOf(id).Select(g => (g.Name, g.Wording)));
        // The group made by the first save stays with its unit for the next record; only the meeting's row went.
        Assert.True(factory.WithDb(db => db.BodyGroups.Any(g => g.Name == "Các đồng chí Bí thư chi bộ")));
    }

    [Fact]
    public async Task A_blank_or_too_long_group_name_is_refused_beside_its_field_with_everything_typed_kept()
    {
        var (client, form) = await NewFormWithTwoGroupRowsAsync("Đối thoại có nhóm không tên");
        var (meetings, groups) = factory.WithDb(db => (db.Meetings.Count(), db.BodyGroups.Count()));
        var tooLong = new string('x', 501);
        form["Input.Groups[0].Wording"] = "cách ghi riêng của hồ sơ";
        form["Input.Groups[1].Name"] = tooLong;

        var response = await form.PostAsync(client, "save");

        Assert.Equal("Vui lòng nhập tên nhóm, khối.", await ErrorAsync(response, "group-0-name-error"));
        Assert.Contains("500", await ErrorAsync(response, "group-1-name-error"), StringComparison.Ordinal);
        var shown = HtmlForm.From(Html.Parse(await response.Content.ReadAsStringAsync()), "/Meetings/Create");
        Assert.Equal(("cách ghi riêng của hồ sơ", tooLong, "Đối thoại có nhóm không tên"),
            (shown["Input.Groups[0].Wording"], shown["Input.Groups[1].Name"], shown["Input.Title"]));
        Assert.Equal((meetings, groups), factory.WithDb(db => (db.Meetings.Count(), db.BodyGroups.Count())));
    }

    [Fact]
    public async Task A_group_named_twice_is_refused_on_its_second_row()
    {
        var (client, form) = await NewFormWithTwoGroupRowsAsync("Đối thoại ghi trùng nhóm");
        form["Input.Groups[0].Name"] = FrontGroup;
        form["Input.Groups[1].Name"] = FrontGroup.ToUpperInvariant();

        var response = await form.PostAsync(client, "save");

        Assert.Equal("Nhóm này đã được ghi ở dòng trên.", await ErrorAsync(response, "group-1-name-error"));
        Assert.Equal(string.Empty, await ErrorAsync(response, "group-0-name-error"));
    }

    [Fact]
    public async Task A_group_of_another_branch_is_not_reused_the_wards_own_group_is_made()
    {
        // Kỳ Phương (under Kỳ Anh) and Hồng Lĩnh both have a group of this name; Trần Phú lies under Hà Tĩnh city.
        var (client, form) = await NewFormWithTwoGroupRowsAsync("Đối thoại phường Trần Phú có nhóm", "thuky.tranphu");
        form["Input.Groups[0].Name"] = FrontGroup;
        form["Input.Groups[1].Name"] = "MTTQ và các đoàn thể chính trị - xã hội thành phố";

        var saved = await form.PostAsync(client, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(saved));
        var groups = GroupsOf(IdFrom(saved));
        // The city's group above the ward is the ward's to use; the other branches' group of the same name is not.
        Assert.Equal([(FrontGroup, "p-tran-phu"), ("MTTQ và các đoàn thể chính trị - xã hội thành phố", "tp-ha-tinh")], groups.Select(g => (g.Name, g.Unit)));
        Assert.Equal(3, factory.WithDb(db => db.BodyGroups.Count(g => g.Name == FrontGroup)));
    }

    [Fact]
    public async Task Editing_a_seed_record_keeps_its_imported_groups_because_the_form_shows_them()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.District).Id);
        var before = GroupsOf(id);
        Assert.Equal(3, before.Count);
        var client = await factory.SignInAsync("thuky.toanquoc");
        var url = $"/Meetings/{id}/Edit";
        var form = await HtmlForm.LoadAsync(client, url);
        Assert.Equal(before.Select(g => g.Name), new[] { form["Input.Groups[0].Name"], form["Input.Groups[1].Name"], form["Input.Groups[2].Name"] });
        form["Input.ChangeReason"] = "Sửa lỗi chính tả phần tóm tắt";

        var saved = await form.PostAsync(client, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(saved));
        Assert.Equal(before, GroupsOf(id));
    }

    [Fact]
    public async Task A_task_given_only_to_groups_says_so_on_the_edit_form_and_keeps_them_on_save()
    {
        // Issue 16 trial: such a task showed an empty "Giao cho", as if given to no one.
        var (meeting, task, group) = factory.WithDb(db => db.Directives
            .Where(d => !d.Assignees.Any() && d.GroupAssignees.Any())
            .Select(d => new { d.MeetingId, d.Id, Name = d.GroupAssignees.Select(g => g.BodyGroup!.Name).First() })
            .AsEnumerable().Select(d => (d.MeetingId, d.Id, d.Name)).First());
        var client = await factory.SignInAsync("thuky.toanquoc");
        var page = await client.GetHtmlAsync($"/Meetings/{meeting}/Edit");
        Assert.Contains($"Nhiệm vụ này còn giao cho nhóm: {group}", HtmlAgilityPack.HtmlEntity.DeEntitize(page.Text()), StringComparison.Ordinal);

        var form = await HtmlForm.LoadAsync(client, $"/Meetings/{meeting}/Edit");
        form["Input.ChangeReason"] = "Sửa lỗi chính tả";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, "save")).StatusCode);
        Assert.True(factory.WithDb(db => db.Directives.Where(d => d.Id == task).SelectMany(d => d.GroupAssignees).Any()));
    }
}
