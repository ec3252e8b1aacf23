using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;

namespace MeetingPortal.Domain.Directives;

public enum DirectiveStatus
{
    Open = 1,
    Done = 2,
}

/// <summary>A task that a meeting's conclusion assigns to one or more organisations.</summary>
public class Directive : Entity
{
    public const int ContentMaxLength = 10_000;

    private readonly List<DirectiveAssignee> _assignees = [];

    internal Directive(int order, string content)
    {
        Order = order;
        Content = content;
        Status = DirectiveStatus.Open;
    }

    public int MeetingId { get; private set; }
    public int Order { get; set; }
    public string Content { get; set; }
    public DateOnly? DueOn { get; set; }
    public DirectiveStatus Status { get; private set; }
    public DateOnly? DoneOn { get; private set; }

    public IReadOnlyList<DirectiveAssignee> Assignees => _assignees;

    public void ReplaceAssignees(IEnumerable<int> organisationIds)
    {
        _assignees.Clear();
        foreach (var organisationId in organisationIds)
        {
            AssignTo(organisationId);
        }
    }

    public void AssignTo(int organisationId)
    {
        if (_assignees.All(a => a.OrganisationId != organisationId))
        {
            _assignees.Add(new DirectiveAssignee(organisationId));
        }
    }

    public void MarkDone(DateOnly on)
    {
        Status = DirectiveStatus.Done;
        DoneOn = on;
    }
}

public class DirectiveAssignee
{
    internal DirectiveAssignee(int organisationId)
    {
        OrganisationId = organisationId;
    }

    public int DirectiveId { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
}
