using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;

namespace MeetingPortal.Domain.Tests;

/// <summary>Issue 16, deliver 4 (ADR 0020): groups and classes of bodies, as participants and as assignees of a task.</summary>
public sealed class BodyGroupTests
{
    [Fact]
    public void A_group_is_named_as_the_source_words_it_and_may_have_no_known_members()
    {
        var group = new BodyGroup(7, "  MTTQ và các tổ chức chính trị - xã hội phường ");
        Assert.Equal("MTTQ và các tổ chức chính trị - xã hội phường", group.Name);
        Assert.Empty(group.Members);
        Assert.Equal("group.name", Assert.Throws<DomainException>(() => new BodyGroup(7, " ")).Code);
        Assert.Equal("group.name", Assert.Throws<DomainException>(() => new BodyGroup(7, new string('x', BodyGroup.NameMaxLength + 1))).Code);
    }

    [Fact]
    public void Members_are_bodies_of_the_groups_unit_each_once()
    {
        var group = new BodyGroup(7, "MTTQ và các tổ chức đoàn thể");
        var front = new Organisation(7, "Ủy ban MTTQ phường Kỳ Phương", OrganisationKind.FatherlandFront);
        group.AddMember(front);
        group.AddMember(front);
        Assert.Single(group.Members);
        var district = new Organisation(2, "Ban Dân vận Thị ủy", OrganisationKind.PartyCommission);
        Assert.Equal("group.member-unit", Assert.Throws<DomainException>(() => group.AddMember(district)).Code);
        Assert.Single(group.Members);
    }

    [Fact]
    public void A_task_is_given_to_groups_beside_bodies_and_each_member_is_seen_by_its_latest_report()
    {
        var meeting = new Meeting(7, MeetingType.Dialogue, "Đối thoại", new DateOnly(2022, 6, 28));
        var task = meeting.AddDirective("xây dựng kế hoạch thực hiện hàng tháng, hàng quý", [3], null);
        task.AssignToGroup(11);
        task.AssignToGroup(11);
        task.AssignToGroup(12);
        Assert.Equal([11, 12], task.GroupAssignees.Select(a => a.BodyGroupId));
        Assert.Single(task.Assignees);

        task.ReportProgress(new DateOnly(2022, 7, 30), "Đã xây dựng kế hoạch tháng 8", 21, "u", new DateTime(2022, 7, 30, 3, 0, 0, DateTimeKind.Utc));
        task.ReportProgress(new DateOnly(2022, 7, 15), "Đang xây dựng", 21, "u", new DateTime(2022, 7, 31, 3, 0, 0, DateTimeKind.Utc));
        task.ReportProgress(new DateOnly(2022, 7, 20), "Hội Phụ nữ đã có kế hoạch", 22, "u", new DateTime(2022, 7, 20, 3, 0, 0, DateTimeKind.Utc));
        // The latest by report date, not the one typed last.
        Assert.Equal("Đã xây dựng kế hoạch tháng 8", task.LatestProgressOf(21)!.Text);
        Assert.Equal("Hội Phụ nữ đã có kế hoạch", task.LatestProgressOf(22)!.Text);
        Assert.Null(task.LatestProgressOf(23));

        task.ReplaceGroupAssignees([12]);
        Assert.Equal([12], task.GroupAssignees.Select(a => a.BodyGroupId));
    }

    [Fact]
    public void A_participant_group_keeps_the_records_wording_once_and_in_order()
    {
        var meeting = new Meeting(7, MeetingType.WorkingSession, "Làm việc", new DateOnly(2022, 8, 15));
        var front = new BodyGroup(7, "MTTQ và các đoàn thể chính trị xã hội, hội đặc thù huyện");
        var standing = new BodyGroup(7, "Các Đ/c BTV Huyện ủy");
        meeting.AddParticipantGroup(front, "MTTQ và các Đoàn thể chính trị - xã hội và hội đặc thù cấp huyện");
        meeting.AddParticipantGroup(standing, " Các Đ/c BTV Huyện ủy ");
        Assert.Equal(["MTTQ và các Đoàn thể chính trị - xã hội và hội đặc thù cấp huyện", null], meeting.ParticipantGroups.Select(g => g.Wording));
        Assert.Equal([1, 2], meeting.ParticipantGroups.Select(g => g.Order));
        meeting.AddParticipantGroup(front, null);
        Assert.Equal(2, meeting.ParticipantGroups.Count);
        Assert.Null(meeting.ParticipantGroups[0].Wording);
        Assert.Equal("meeting.group-wording",
            Assert.Throws<DomainException>(() => meeting.AddParticipantGroup(standing, new string('x', BodyGroup.NameMaxLength + 1))).Code);
    }

    [Fact]
    public void The_forms_rows_replace_the_participant_groups_keeping_a_row_still_named()
    {
        var meeting = new Meeting(7, MeetingType.WorkingSession, "Làm việc", new DateOnly(2022, 8, 15));
        var front = new BodyGroup(7, "MTTQ và các đoàn thể chính trị xã hội, hội đặc thù huyện");
        var standing = new BodyGroup(7, "Các Đ/c BTV Huyện ủy");
        var offices = new BodyGroup(7, "Trưởng các phòng, ban, ngành có liên quan");
        meeting.AddParticipantGroup(front, "MTTQ và các Đoàn thể chính trị - xã hội và hội đặc thù cấp huyện");
        meeting.AddParticipantGroup(standing, null);
        var kept = meeting.ParticipantGroups[0];

        meeting.ReplaceParticipantGroups([(offices, null), (front, "MTTQ và các đoàn thể"), (offices, "các phòng, ban")]);

        Assert.Equal([offices, front], meeting.ParticipantGroups.OrderBy(g => g.Order).Select(g => g.BodyGroup));
        Assert.Same(kept, meeting.ParticipantGroups.Single(g => g.BodyGroup == front));
        Assert.Equal(["các phòng, ban", "MTTQ và các đoàn thể"], meeting.ParticipantGroups.OrderBy(g => g.Order).Select(g => g.Wording));

        Assert.Equal("meeting.group-wording", Assert.Throws<DomainException>(() =>
            meeting.ReplaceParticipantGroups([(standing, new string('x', BodyGroup.NameMaxLength + 1))])).Code);
        Assert.Equal(2, meeting.ParticipantGroups.Count);
        meeting.ReplaceParticipantGroups([]);
        Assert.Empty(meeting.ParticipantGroups);
    }

    [Fact]
    public void The_known_members_are_replaced_by_bodies_of_the_groups_unit_and_a_used_group_is_not_removable()
    {
        var group = new BodyGroup(7, "MTTQ và các tổ chức đoàn thể");
        var front = new Organisation(7, "Ủy ban MTTQ phường Kỳ Phương", OrganisationKind.FatherlandFront);
        var women = new Organisation(7, "Hội LHPN phường Kỳ Phương", OrganisationKind.SocioPoliticalOrganisation);
        group.ReplaceMembers([front, women]);
        Assert.Equal(2, group.Members.Count);
        var district = new Organisation(2, "Ban Dân vận Thị ủy", OrganisationKind.PartyCommission);
        Assert.Equal("group.member-unit", Assert.Throws<DomainException>(() => group.ReplaceMembers([front, district])).Code);
        Assert.Equal(2, group.Members.Count);

        Assert.Equal("group.in-use", Assert.Throws<DomainException>(() => BodyGroup.CheckRemovable(1, 0)).Code);
        Assert.Equal("group.in-use", Assert.Throws<DomainException>(() => BodyGroup.CheckRemovable(0, 2)).Code);
        BodyGroup.CheckRemovable(0, 0);
    }
}
