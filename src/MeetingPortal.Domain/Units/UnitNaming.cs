using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Units;

/// <summary>
/// A unit's name and the unit it stood under during a stretch of days (<see cref="DatedSpan"/>): a record of
/// 2024 held in "Tỉnh Thừa Thiên Huế" keeps that name after the province became "Thành phố Huế" (ADR 0018).
/// </summary>
public class UnitNaming : DatedSpan
{
    /// <summary>A span of unit <paramref name="unitId"/> named <paramref name="name"/> under <paramref name="parentId"/> from <paramref name="validFrom"/>.</summary>
    public UnitNaming(int unitId, string name, int? parentId, DateOnly? validFrom, string? basis) : base(name, validFrom, basis)
    {
        UnitId = unitId;
        ParentId = parentId;
    }

    /// <summary>
    /// A closed or open span as another installation kept it (interchange format version 4), for <see cref="Unit.RestoreHistory"/>,
    /// which checks that the spans follow one another; <paramref name="validTo"/> is exclusive, null while open.
    /// </summary>
    public static UnitNaming Carried(int unitId, string name, int? parentId, DateOnly? validFrom, DateOnly? validTo, string? basis) =>
        new(unitId, name, parentId, validFrom, basis) { ValidTo = validTo };

    /// <summary>The unit the span belongs to.</summary>
    public int UnitId { get; private set; }

    /// <summary>The unit it stood directly under during the span; null for a top unit.</summary>
    public int? ParentId { get; internal set; }
}
