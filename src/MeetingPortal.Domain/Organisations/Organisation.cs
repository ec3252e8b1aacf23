using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Organisations;

/// <summary>A body that belongs to a unit: it hosts, attends, raises or answers.</summary>
public class Organisation : Entity
{
    public const int NameMaxLength = 300;

    public Organisation(int unitId, string name, OrganisationKind kind)
    {
        UnitId = unitId;
        Name = name;
        Kind = kind;
    }

    public int UnitId { get; set; }
    public Unit? Unit { get; private set; }

    public string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>The body this one stands under today (the Front's committee for a socio-political organisation since 1/7/2025); null when none.</summary>
    public int? ParentOrganisationId { get; private set; }

    private readonly List<OrganisationNaming> _namings = [];

    /// <summary>The organisation's names, units and parents over time (ADR 0018); today's is the open one.</summary>
    public IReadOnlyList<OrganisationNaming> Namings => _namings;

    /// <summary>
    /// Renames the organisation from Vietnam day <paramref name="from"/> (at most <paramref name="today"/>), keeping
    /// the earlier name for records of the days before. The namings must be loaded. Errors: <see cref="DatedSpan.Follow{T}"/>.
    /// </summary>
    public void Rename(string name, DateOnly from, DateOnly today, string? basis)
    {
        StartHistory();
        Name = name;
        RecordPlace(from, today, basis);
    }

    /// <summary>
    /// Places the organisation under <paramref name="parent"/> (a body of the same unit, e.g. the Front's committee) from
    /// Vietnam day <paramref name="from"/>, as the 2025 reorganisation brought the socio-political organisations under
    /// the Front. Refused for itself or a body of another unit.
    /// </summary>
    public void PlaceUnder(Organisation parent, DateOnly from, DateOnly today, string? basis)
    {
        if (parent.Id == Id || parent.UnitId != UnitId)
        {
            throw new DomainException("organisation.parent", "An organisation stands under another body of its own unit.");
        }

        StartHistory();
        ParentOrganisationId = parent.Id;
        RecordPlace(from, today, basis);
    }

    /// <summary>Records the present name, unit and parent as holding from Vietnam day <paramref name="from"/>; the first call opens the unbounded first span.</summary>
    public void RecordPlace(DateOnly from, DateOnly today, string? basis)
    {
        if (_namings.Count == 0)
        {
            throw new DomainException("naming.not-started", "The history must be started (StartHistory) before the change it records.");
        }

        DatedSpan.Follow(_namings, from, today, basis, () => new OrganisationNaming(Id, Name, UnitId, ParentOrganisationId, from, basis), open =>
        {
            open.Name = Name;
            open.UnitId = UnitId;
            open.ParentOrganisationId = ParentOrganisationId;
        });
    }

    /// <summary>
    /// Opens the unbounded first span from the present name and place when there is none yet (a row made before
    /// names were kept, or added since without one); called before a change that <c>RecordPlace</c> then records.
    /// </summary>
    public void StartHistory()
    {
        if (_namings.Count == 0)
        {
            _namings.Add(new OrganisationNaming(Id, Name, UnitId, ParentOrganisationId, null, null));
        }
    }

    /// <summary>
    /// Restores the organisation's names, units and parents over time as another installation kept them (interchange
    /// format version 4, ADR 0018); <paramref name="spans"/> in order, the last open. An organisation that knows nothing of its
    /// standing (<paramref name="adoptPresent"/>: just made, or without history and parent) takes its body of today from the open span; any other must already stand as
    /// the open span says. The namings must be loaded. Returns whether anything was added. Errors: <c>organisation.parent</c>
    /// (a parent of another unit) and <see cref="DatedSpan.Restore{T}"/> (<c>naming.chain</c>, <c>naming.conflict</c>).
    /// </summary>
    public bool RestoreHistory(IReadOnlyList<OrganisationNaming> spans, bool adoptPresent)
    {
        if (adoptPresent && _namings.Count == 0 && spans.Count > 0 && spans[^1].ValidTo is null && spans[^1].Name == Name && spans[^1].UnitId == UnitId)
        {
            if (spans[^1].ParentOrganisationId == Id)
            {
                throw new DomainException("organisation.parent", "An organisation stands under another body of its own unit.");
            }

            ParentOrganisationId = spans[^1].ParentOrganisationId;
        }

        return DatedSpan.Restore(_namings, spans, (a, b) => a.UnitId == b.UnitId && a.ParentOrganisationId == b.ParentOrganisationId,
            s => s.Name == Name && s.UnitId == UnitId && s.ParentOrganisationId == ParentOrganisationId);
    }

    /// <summary>The organisation's name on Vietnam day <paramref name="day"/> (<see cref="DatedSpan.On{T}"/>); <see cref="Name"/> without namings.</summary>
    public string NameOn(DateOnly day) => DatedSpan.On(_namings, day)?.Name ?? Name;
}
