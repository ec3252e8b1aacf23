using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Organisations;

/// <summary>
/// An organisation's name, unit and the body it stood under during a stretch of days (<see cref="DatedSpan"/>): the
/// Hội Cựu chiến binh of 2022 keeps its name and standing on 2022 records after July 2025 brought the
/// socio-political organisations under the Fatherland Front (ADR 0018).
/// </summary>
public class OrganisationNaming : DatedSpan
{
    /// <summary>A span of organisation <paramref name="organisationId"/> of unit <paramref name="unitId"/> from <paramref name="validFrom"/>.</summary>
    public OrganisationNaming(int organisationId, string name, int unitId, int? parentOrganisationId, DateOnly? validFrom, string? basis) : base(name, validFrom, basis)
    {
        OrganisationId = organisationId;
        UnitId = unitId;
        ParentOrganisationId = parentOrganisationId;
    }

    /// <summary>
    /// A closed or open span as another installation kept it (interchange format version 4), for
    /// <see cref="Organisation.RestoreHistory"/>, which checks that the spans follow one another.
    /// </summary>
    public static OrganisationNaming Carried(int organisationId, string name, int unitId, int? parentOrganisationId, DateOnly? validFrom, DateOnly? validTo, string? basis) =>
        new(organisationId, name, unitId, parentOrganisationId, validFrom, basis) { ValidTo = validTo };

    /// <summary>The organisation the span belongs to.</summary>
    public int OrganisationId { get; private set; }

    /// <summary>The unit it belonged to during the span.</summary>
    public int UnitId { get; internal set; }

    /// <summary>The body it stood under during the span (the Front's committee after 1/7/2025), null when none.</summary>
    public int? ParentOrganisationId { get; internal set; }
}
