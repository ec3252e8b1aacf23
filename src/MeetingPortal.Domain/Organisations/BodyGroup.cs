using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Organisations;

/// <summary>
/// A group or class of bodies named as the source writes it ("MTTQ và các tổ chức chính trị - xã hội phường", "các phòng,
/// ban, ngành", "các Ban xây dựng Đảng"), belonging to a unit (issue 16, deliver 4; ADR 0020). A conclusion gives tasks
/// to such a class and a report names such groups among those present: the record keeps the group rather than narrowing
/// it to one body. Its members are the bodies known to belong to it; a class may have members not yet known, so a group
/// may have none.
/// </summary>
public class BodyGroup : Entity
{
    /// <summary>Longest name of a group, in characters (the sources' wordings run to about 100).</summary>
    public const int NameMaxLength = 500;

    private readonly List<BodyGroupMember> _members = [];

    /// <summary>A group of unit <paramref name="unitId"/> named <paramref name="name"/> (trimmed).</summary>
    /// <exception cref="DomainException">"group.name": a blank name or one longer than <see cref="NameMaxLength"/>.</exception>
    public BodyGroup(int unitId, string name)
    {
        UnitId = unitId;
        Name = CheckedName(name);
    }

    /// <summary>The unit the group belongs to: its members are bodies of that unit.</summary>
    public int UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    /// <summary>The group's name as the source writes it, e.g. "MTTQ và các tổ chức đoàn thể".</summary>
    public string Name { get; private set; }

    /// <summary>The bodies known to belong to the group, in the order they were added.</summary>
    public IReadOnlyList<BodyGroupMember> Members => _members;

    /// <summary>Renames the group (a recorder correcting the wording). Errors as the constructor's.</summary>
    public void Rename(string name) => Name = CheckedName(name);

    /// <summary>
    /// Adds <paramref name="organisation"/> as a member; adding it twice keeps one membership.
    /// </summary>
    /// <exception cref="DomainException">"group.member-unit": the body belongs to another unit than the group (a group
    /// of a ward's bodies holds the ward's bodies; the bodies of other units are groups of those units).</exception>
    public void AddMember(Organisation organisation)
    {
        if (organisation.UnitId != UnitId)
        {
            throw new DomainException("group.member-unit", "A group's members are bodies of the group's unit.");
        }

        // A body not saved yet has no id: it is known by reference until it has one.
        if (!_members.Any(m => organisation.Id != 0 ? m.OrganisationId == organisation.Id : ReferenceEquals(m.Organisation, organisation)))
        {
            _members.Add(new BodyGroupMember(organisation));
        }
    }

    /// <summary>Removes the body from the group's members, if it is one.</summary>
    public void RemoveMember(int organisationId) => _members.RemoveAll(m => m.OrganisationId == organisationId);

    /// <summary>
    /// The known members become exactly <paramref name="organisations"/> (the administration page's checkboxes); a body
    /// left out stops being a member, nothing is said of it beyond that.
    /// </summary>
    /// <exception cref="DomainException">"group.member-unit", as <see cref="AddMember"/>; checked before anything changes.</exception>
    public void ReplaceMembers(IReadOnlyCollection<Organisation> organisations)
    {
        if (organisations.Any(o => o.UnitId != UnitId))
        {
            throw new DomainException("group.member-unit", "A group's members are bodies of the group's unit.");
        }

        var wanted = organisations.Select(o => o.Id).ToHashSet();
        _members.RemoveAll(m => !wanted.Contains(m.OrganisationId));
        foreach (var organisation in organisations)
        {
            AddMember(organisation);
        }
    }

    /// <summary>
    /// Whether the group may be deleted, given how many meetings name it among those taking part and how many tasks are
    /// given to it: a group a record uses stays, since the record would otherwise lose what it says (ADR 0020).
    /// </summary>
    /// <exception cref="DomainException">"group.in-use": a meeting or a task uses the group.</exception>
    public static void CheckRemovable(int meetingsNamingIt, int tasksGivenToIt)
    {
        if (meetingsNamingIt > 0 || tasksGivenToIt > 0)
        {
            throw new DomainException("group.in-use", "A group a meeting or a task uses cannot be deleted.");
        }
    }

    private static string CheckedName(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > NameMaxLength)
        {
            throw new DomainException("group.name", "A group is named, in at most 500 characters.");
        }

        return trimmed;
    }
}

/// <summary>A body known to belong to a <see cref="BodyGroup"/>.</summary>
public class BodyGroupMember
{
    private BodyGroupMember()
    {
    }

    internal BodyGroupMember(Organisation organisation)
    {
        Organisation = organisation;
        OrganisationId = organisation.Id;
    }

    public int BodyGroupId { get; private set; }

    public int OrganisationId { get; private set; }

    public Organisation? Organisation { get; private set; }
}
