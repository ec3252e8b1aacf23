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
    private readonly List<DirectiveProgress> _progress = [];

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

    public IReadOnlyList<DirectiveProgress> Progress => _progress;

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

    /// <summary>An assignee reports what has been done so far.</summary>
    public DirectiveProgress ReportProgress(DateOnly on, string text, int? organisationId, string? userName, DateTime atUtc)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("directive.empty-report", "A progress report says what was done.");
        }

        var report = new DirectiveProgress(on, text, userName, atUtc) { OrganisationId = organisationId };
        _progress.Add(report);
        return report;
    }

    public void MarkDone(DateOnly on)
    {
        if (Status == DirectiveStatus.Done)
        {
            throw new DomainException("directive.already-done", "The task is already done.");
        }

        Status = DirectiveStatus.Done;
        DoneOn = on;
    }

    public void Reopen()
    {
        if (Status != DirectiveStatus.Done)
        {
            throw new DomainException("directive.not-done", "Only a completed task is reopened.");
        }

        Status = DirectiveStatus.Open;
        DoneOn = null;
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

/// <summary>A dated report of what an assignee has done on a task.</summary>
public class DirectiveProgress
{
    public const int TextMaxLength = 4_000;

    internal DirectiveProgress(DateOnly reportedOn, string text, string? reportedBy, DateTime reportedAtUtc)
    {
        ReportedOn = reportedOn;
        Text = text;
        ReportedBy = reportedBy;
        ReportedAtUtc = reportedAtUtc;
    }

    public long Id { get; private set; }
    public int DirectiveId { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public string Text { get; private set; }
    public int? OrganisationId { get; set; }
    public string? ReportedBy { get; private set; }
    public DateTime ReportedAtUtc { get; private set; }
}
