using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// The label of every criterion of the three lists a summary figure opens (issue 15, item 6), by the query keys of
/// their filters' <c>RouteValues()</c>. A new criterion of one of those filters needs its line here and its strings
/// in the resources; a test fails while one is missing.
/// </summary>
public static class ListCriteria
{
    /// <summary>The tracker's criteria (<see cref="RecommendationFilter"/>), naming units, themes and bodies from the tracker's own options.</summary>
    public static CriterionLabels Tracker(
        IStringLocalizer localizer, IEnumerable<(int Id, string Label)> units, IEnumerable<(int Id, string Label)> themes, IEnumerable<(int Id, string Label)> bodies) =>
        new CriterionLabels(localizer)
            .Value("q", "Filter.Query")
            .Choice<RecommendationStatus>("status", "Recommendation.Status")
            .Choice("theme", "Recommendation.Theme", themes)
            .Choice("unit", "Meetings.Unit", units)
            .Choice("raisedBy", "Recommendation.RaisedBy", bodies)
            .Choice("addressedTo", "Recommendation.AddressedTo", bodies)
            .Value("from", "Tracker.RaisedFrom")
            .Value("to", "Tracker.RaisedTo")
            .Value("year", "Filter.Year", dependents: "quarter")
            .Value("quarter", "Filter.Quarter")
            .Flag("overdue", "Report.Overdue")
            .Value("dueWithin", "Tracker.DueWithin")
            .Flag("reopened", "Tracker.Reopened")
            .Flag("onRoadmap", "Tracker.OnRoadmap")
            .Flag("roadmapOverdue", "Tracker.RoadmapOverdue")
            .Flag("open", "Tracker.Open")
            .Flag("answered", "Report.Answered", "Criterion.NotAnswered")
            .Flag("resolved", "Report.Resolved", "Criterion.NotResolved")
            .Flag("withDue", "Tracker.WithDue")
            .Flag("onTime", "Tracker.OnTime")
            .Choice<MeetingPortal.Domain.Reports.DueState>("due", "Tracker.Due")
            .Flag("published", "Tracker.Published");

    /// <summary>The meeting list's criteria (<see cref="MeetingFilter"/>).</summary>
    public static CriterionLabels Meetings(IStringLocalizer localizer, IEnumerable<(int Id, string Label)> units, IEnumerable<(int Id, string Label)> organisations) =>
        new CriterionLabels(localizer)
            .Value("q", "Filter.Query")
            .Choice("unit", "Meetings.Unit", units)
            .Choice<MeetingType>("type", "Meetings.Type")
            .Value("from", "Filter.From")
            .Value("to", "Filter.To")
            .Value("year", "Filter.Year", dependents: "quarter")
            .Value("quarter", "Filter.Quarter")
            .Choice("organisation", "Filter.Organisation", organisations)
            .Choice<MeetingStatus>("status", "Meetings.Status");

    /// <summary>The task list's criteria (<see cref="MeetingPortal.Application.Directives.DirectiveFilter"/>).</summary>
    public static CriterionLabels Directives(IStringLocalizer localizer, IEnumerable<(int Id, string Label)> units, IEnumerable<(int Id, string Label)> assignees) =>
        new CriterionLabels(localizer)
            .Choice<DirectiveStatus>("status", "Recommendation.Status")
            .Choice("assignee", "Directive.Assignees", assignees)
            .Flag("overdue", "Tracker.Overdue")
            .Choice("unit", "Meetings.Unit", units)
            .Value("from", "Filter.From")
            .Value("to", "Filter.To")
            .Flag("published", "Tracker.Published")
            .Flag("withTarget", "Report.DirectivesWithTarget")
            .Choice<TargetState>("target", "Directive.Target");
}
