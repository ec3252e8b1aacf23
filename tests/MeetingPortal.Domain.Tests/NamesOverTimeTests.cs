using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Tests;

/// <summary>The rule "name of a unit or organisation on a day" (ADR 0018): spans from inclusive, to exclusive, Vietnam days.</summary>
public sealed class NamesOverTimeTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void A_rename_from_a_day_keeps_the_old_name_for_the_days_before_it()
    {
        var hue = new Unit("thua-thien-hue", "Tỉnh Thừa Thiên Huế", 2);
        hue.Rename("Thành phố Huế", new DateOnly(2025, 1, 1), Today, "Nghị quyết 1314/NQ-UBTVQH15");

        Assert.Equal("Thành phố Huế", hue.Name);
        Assert.Equal("Tỉnh Thừa Thiên Huế", hue.NameOn(new DateOnly(2024, 4, 15)));
        Assert.Equal("Tỉnh Thừa Thiên Huế", hue.NameOn(new DateOnly(2024, 12, 31)));
        Assert.Equal("Thành phố Huế", hue.NameOn(new DateOnly(2025, 1, 1)));
        Assert.Equal(2, hue.Namings.Count);
        Assert.Equal((null, new DateOnly(2025, 1, 1)), (hue.Namings[0].ValidFrom, hue.Namings[0].ValidTo));
    }

    /// <summary>
    /// Issue 16, deliver 8 (interchange format version 4): a history read from a file is taken where nothing beyond
    /// today's name is known, taken once (the same again adds nothing) and refused when it overlaps itself or differs.
    /// </summary>
    [Fact]
    public void A_carried_history_is_restored_once_and_an_overlapping_or_different_one_is_refused()
    {
        var unit = new Unit("p-tran-phu", "Phường Trần Phú", 4);
        unit.StartHistory();
        List<UnitNaming> History(string earlier, DateOnly to, DateOnly from) =>
        [
            UnitNaming.Carried(0, earlier, null, null, to, "Nghị quyết số 1/2019"),
            UnitNaming.Carried(0, "Phường Trần Phú", null, from, null, "Nghị quyết số 1/2019"),
        ];
        var day = new DateOnly(2020, 1, 1);

        Assert.Equal("naming.chain", Assert.Throws<DomainException>(() => unit.RestoreHistory(History("Xã Trần Phú", day.AddYears(1), day))).Code);
        Assert.True(unit.RestoreHistory(History("Xã Trần Phú", day, day)));
        Assert.Equal("Xã Trần Phú", unit.NameOn(new DateOnly(2019, 12, 31)));
        Assert.Equal("Phường Trần Phú", unit.NameOn(day));
        Assert.False(unit.RestoreHistory(History("Xã Trần Phú", day, day)));
        Assert.Equal("naming.conflict", Assert.Throws<DomainException>(() => unit.RestoreHistory(History("Thị trấn Trần Phú", day, day))).Code);
        Assert.Equal(2, unit.Namings.Count);

        // Today's name and place are the open span's: a file that names the unit otherwise today conflicts.
        var other = new Unit("p-bac-ha", "Phường Bắc Hà", 4);
        Assert.Equal("naming.conflict", Assert.Throws<DomainException>(() => other.RestoreHistory(History("Xã Bắc Hà", day, day))).Code);
        Assert.Empty(other.Namings);
    }

    [Fact]
    public void A_change_dated_after_today_or_before_the_current_name_is_refused_and_changes_nothing_recorded()
    {
        var unit = new Unit("u", "Phường A", 4);
        unit.Rename("Phường B", new DateOnly(2025, 7, 1), Today, null);

        Assert.Equal("span.future", Assert.Throws<DomainException>(() => unit.Rename("Phường C", Today.AddDays(1), Today, null)).Code);
        Assert.Equal("span.before-open", Assert.Throws<DomainException>(() => unit.Rename("Phường C", new DateOnly(2025, 6, 30), Today, null)).Code);
        Assert.Equal(2, unit.Namings.Count);
        Assert.Equal("Phường A", unit.NameOn(new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void A_second_change_on_the_same_day_corrects_that_day_s_name()
    {
        var unit = new Unit("u", "Phường A", 4);
        unit.Rename("Phường Bb", new DateOnly(2025, 7, 1), Today, null);
        unit.Rename("Phường B", new DateOnly(2025, 7, 1), Today, null);

        Assert.Equal(["Phường A", "Phường B"], unit.Namings.Select(n => n.Name));
    }

    [Fact]
    public void A_day_before_the_first_span_takes_the_first_name_and_one_after_the_last_closed_span_the_last()
    {
        var spans = new List<UnitNaming>();
        var first = new UnitNaming(1, "Thị xã Kỳ Anh", 2, new DateOnly(2015, 5, 1), null);
        spans.Add(first);
        DatedSpan.Follow(spans, new DateOnly(2025, 7, 1), Today, "Nghị quyết 202/2025/QH15", () => new UnitNaming(1, "Phường Kỳ Anh", 2, new DateOnly(2025, 7, 1), null), _ => { });

        Assert.Equal("Thị xã Kỳ Anh", DatedSpan.On(spans, new DateOnly(2010, 1, 1))!.Name);
        Assert.Equal("Thị xã Kỳ Anh", DatedSpan.On(spans, new DateOnly(2025, 6, 30))!.Name);
        Assert.Equal("Phường Kỳ Anh", DatedSpan.On(spans, new DateOnly(2025, 7, 1))!.Name);
        Assert.Null(DatedSpan.On(new List<UnitNaming>(), Today));
    }

    [Fact]
    public void An_organisation_placed_under_the_Front_keeps_its_standing_of_the_days_before()
    {
        var front = Saved(new Organisation(7, "Ủy ban MTTQ phường", OrganisationKind.FatherlandFront), 1);
        var veterans = Saved(new Organisation(7, "Hội Cựu chiến binh phường", OrganisationKind.SocioPoliticalOrganisation), 2);

        veterans.PlaceUnder(front, new DateOnly(2025, 7, 1), Today, "Nghị quyết sắp xếp tổ chức (ví dụ)");

        Assert.Equal(1, veterans.ParentOrganisationId);
        Assert.Null(DatedSpan.On(veterans.Namings, new DateOnly(2022, 6, 28))!.ParentOrganisationId);
        Assert.Equal(1, DatedSpan.On(veterans.Namings, new DateOnly(2025, 7, 1))!.ParentOrganisationId);
    }

    private static T Saved<T>(T entity, int id) where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }
}
