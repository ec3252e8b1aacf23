using System.Text.Json;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// The stored format of a frozen official report (báo cáo đã chốt), owned by the reports feature and
/// versioned, so that a report frozen today reads the same after the summary page changes. Version 1 (from
/// issue 13; rows from before the version field are version 1) kept two periods' figures; version 2 (issue 15)
/// keeps the whole <see cref="ReportDocument"/> as the page showed it: every table with both parts of each
/// "x / y", the changes, the charts, the definitions. A new shape gets a new version number and its own reader;
/// stored reports are never rewritten.
/// </summary>
public static class FrozenReport
{
    /// <summary>The version new reports are written in.</summary>
    public const int CurrentVersion = 2;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>A document as format 2 JSON, for the snapshot's figures column (its links are not kept).</summary>
    public static string Write(ReportDocument document) =>
        JsonSerializer.Serialize(new FrozenReportV2(CurrentVersion, document.WithoutLinks()), Options);

    /// <summary>A format 1 report as JSON (kept so that format 1 can be tested as written).</summary>
    public static string Write(FrozenReportV1 report) => JsonSerializer.Serialize(report with { FormatVersion = 1 }, Options);

    /// <summary>The stored format's version of <paramref name="json"/> (1 when it has none).</summary>
    public static int VersionOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(nameof(FrozenReportV1.FormatVersion), out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32()
            : 1;
    }

    /// <summary>
    /// Reads a stored report by its version as the document to show. A format 1 report is laid out by
    /// <paramref name="layout"/> from its figures, with a note that its on-time share counted items with a due date
    /// (the definition of the time). Throws <see cref="DomainException"/> "report.unknown-format" for a version this
    /// build does not know (a report frozen by a newer portal).
    /// </summary>
    public static ReportDocument Read(string json, int unitId, ReportPeriod period, DateOnly frozenOn, SummaryReport layout, string formatOneNote)
    {
        var version = VersionOf(json);
        switch (version)
        {
            case 1:
                var v1 = ReadV1(json);
                var document = layout.Build(new SummaryInput(unitId, v1.UnitName, period, v1.Period, v1.PreviousPeriod,
                    v1.Current.ToFigures(frozenOn), v1.Previous.ToFigures(frozenOn), [], new Dictionary<string, string>()));
                return document with
                {
                    Tables = document.Tables.Where(t => t.Id != SummaryReport.Tables.Trend)
                        .Select(t => t.Id == SummaryReport.Tables.KeyFigures ? t with { Note = formatOneNote } : t).ToList(),
                    Charts = document.Charts.Where(c => c.Id != "chart-trend").ToList(),
                };
            case 2:
                return JsonSerializer.Deserialize<FrozenReportV2>(json, Options)!.Document;
            default:
                throw new DomainException("report.unknown-format", $"A frozen report in format {version} cannot be read by this version of the portal.");
        }
    }

    /// <summary>Reads a format 1 report's figures. Throws "report.unknown-format" for any other version.</summary>
    public static FrozenReportV1 ReadV1(string json) => VersionOf(json) == 1
        ? JsonSerializer.Deserialize<FrozenReportV1>(json, Options)! with { FormatVersion = 1 }
        : throw new DomainException("report.unknown-format", "Not a format 1 report.");
}

/// <summary>A frozen report, format 2: the summary document as shown, without links.</summary>
public sealed record FrozenReportV2(int FormatVersion, ReportDocument Document);

/// <summary>A frozen report, format 1: the unit's name and the two periods' names as they were, and both periods' figures.</summary>
public sealed record FrozenReportV1(int FormatVersion, string UnitName, string Period, string PreviousPeriod, FrozenFiguresV1 Current, FrozenFiguresV1 Previous)
{
    /// <summary>Freezes what the summary shows now.</summary>
    public static FrozenReportV1 From(string unitName, string period, string previousPeriod, SummaryFigures current, SummaryFigures previous) =>
        new(1, unitName, period, previousPeriod, FrozenFiguresV1.From(current), FrozenFiguresV1.From(previous));
}

/// <summary>One period's figures as frozen (format 1); counts are numbers of records, medians are working days.</summary>
public sealed record FrozenFiguresV1(
    int Meetings, Dictionary<MeetingType, int> MeetingsByType, int Speeches, int Organisations, int Recommendations, int Matters,
    int Answered, int Resolved, int WithDueDate, int OnTime, double? MedianDaysToAnswer, double? MedianDaysToResolve, int Open, int Overdue,
    int Directives, int DirectivesDone, List<FrozenBreakdownV1>? ByTheme, List<FrozenBreakdownV1>? ByRaisingOrganisation,
    List<FrozenBreakdownV1>? ByAddressedBody, List<FrozenMatterV1>? Recurring, List<FrozenChildV1>? Children, List<FrozenScorecardV1>? Ranked,
    List<FrozenScorecardV1>? TooFewToRank)
{
    public static FrozenFiguresV1 From(SummaryFigures f) => new(
        f.Meetings, f.MeetingsByType.ToDictionary(), f.Speeches, f.Organisations, f.Recommendations, f.Matters, f.Answered, f.Resolved, f.Due,
        f.OnTime, f.MedianDaysToAnswer, f.MedianDaysToResolve, f.Open, f.Overdue, f.Directives, f.DirectivesDone,
        f.ByTheme.Select(b => new FrozenBreakdownV1(b.Id, b.Name, b.Count)).ToList(),
        f.ByRaisingOrganisation.Select(b => new FrozenBreakdownV1(b.Id, b.Name, b.Count)).ToList(),
        f.ByAddressedBody.Select(b => new FrozenBreakdownV1(b.Id, b.Name, b.Count)).ToList(),
        f.Recurring.Select(m => new FrozenMatterV1(m.MatterId, m.Content, m.Raisings, m.Units, m.Quarters)).ToList(),
        f.Children.Select(c => new FrozenChildV1(c.UnitId, c.Name, c.HasChildren, c.Meetings, c.Recommendations, c.Answered, c.Resolved, c.Overdue)).ToList(),
        f.Ranked.Select(FrozenScorecardV1.From).ToList(),
        f.TooFewToRank.Select(FrozenScorecardV1.From).ToList());

    /// <summary>
    /// The figures for showing, in the summary's shape. Format 1 counted the on-time share over items with a due
    /// date: that count is shown as the denominator it was, and items without one as the rest.
    /// </summary>
    public SummaryFigures ToFigures(DateOnly frozenOn) => new()
    {
        CountedOn = frozenOn,
        Meetings = Meetings,
        MeetingsByType = MeetingsByType,
        Speeches = Speeches,
        Organisations = Organisations,
        Recommendations = Recommendations,
        Matters = Matters,
        Answered = Answered,
        Resolved = Resolved,
        Due = WithDueDate,
        OnTime = OnTime,
        NoDueDate = Recommendations - WithDueDate,
        MedianDaysToAnswer = MedianDaysToAnswer,
        MedianDaysToResolve = MedianDaysToResolve,
        Open = Open,
        Overdue = Overdue,
        Directives = Directives,
        DirectivesDone = DirectivesDone,
        ByTheme = (ByTheme ?? []).Select(b => new Breakdown(b.Id, b.Name, b.Count)).ToList(),
        ByRaisingOrganisation = (ByRaisingOrganisation ?? []).Select(b => new Breakdown(b.Id, b.Name, b.Count)).ToList(),
        ByAddressedBody = (ByAddressedBody ?? []).Select(b => new Breakdown(b.Id, b.Name, b.Count)).ToList(),
        Recurring = (Recurring ?? []).Select(m => new RecurringMatter(m.MatterId, m.Content, m.Raisings, m.Units, m.Quarters)).ToList(),
        Children = (Children ?? []).Select(c => new ChildFigures(c.UnitId, c.Name, c.HasChildren, c.Meetings, c.Recommendations, c.Answered, c.Resolved, c.Overdue)).ToList(),
        Ranked = (Ranked ?? []).Select(s => s.ToScorecard()).ToList(),
        TooFewToRank = (TooFewToRank ?? []).Select(s => s.ToScorecard()).ToList(),
    };
}

/// <summary>A count by theme or body, as frozen.</summary>
public sealed record FrozenBreakdownV1(int? Id, string? Name, int Count);

/// <summary>A recurring matter, as frozen.</summary>
public sealed record FrozenMatterV1(int MatterId, string Content, int Raisings, int Units, int Quarters);

/// <summary>A child unit's row, as frozen.</summary>
public sealed record FrozenChildV1(int UnitId, string Name, bool HasChildren, int Meetings, int Recommendations, int Answered, int Resolved, int Overdue);

/// <summary>An addressed body's scorecard, as frozen (medians in working days).</summary>
public sealed record FrozenScorecardV1(int BodyId, string Body, int Items, int Answered, int Resolved, int WithDueDate, int OnTime, double? MedianDaysToAnswer, double? MedianDaysToResolve)
{
    public static FrozenScorecardV1 From(Scorecard s) => new(s.BodyId, s.Body, s.Items, s.Answered, s.Resolved, s.Due, s.OnTime, s.MedianDaysToAnswer, s.MedianDaysToResolve);

    public Scorecard ToScorecard() => new(BodyId, Body, Items, Answered, Resolved, WithDueDate, OnTime, Items - WithDueDate, MedianDaysToAnswer, MedianDaysToResolve);
}
