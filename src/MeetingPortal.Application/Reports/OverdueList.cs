using System.Text.Json;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// One overdue recommendation as the official report lists it (Phụ lục: danh sách kiến nghị quá hạn), as it stood on
/// the day the report was frozen.
/// </summary>
/// <param name="RecommendationId">The recommendation's id (for a link; the text is what the report shows).</param>
/// <param name="Content">Its text, cut to <see cref="OverdueList.ContentMaxLength"/> characters.</param>
/// <param name="UnitName">The unit whose meeting raised it.</param>
/// <param name="HeldOn">That meeting's day (Vietnam date).</param>
/// <param name="RaisedBy">The raising organisation's name, if recorded.</param>
/// <param name="AddressedTo">The body it is addressed to, if recorded.</param>
/// <param name="DueOn">Its due date (Vietnam date).</param>
/// <param name="WorkingDaysOverdue">Working days from the due date to the day counted (the portal's calendar).</param>
public sealed record OverdueItem(int RecommendationId, string Content, string UnitName, DateOnly HeldOn, string? RaisedBy, string? AddressedTo, DateOnly DueOn, int WorkingDaysOverdue);

/// <summary>The overdue list of a frozen report, format 1: the day it was counted on and its items, longest overdue first.</summary>
public sealed record OverdueListV1(int FormatVersion, DateOnly CountedOn, IReadOnlyList<OverdueItem> Items);

/// <summary>
/// The stored format of a frozen report's overdue list (ADR 0017), kept in its own column beside the figures
/// (<see cref="FrozenReport"/>'s format is not changed): versioned like it, so a list frozen today reads the same
/// later. A new shape gets a new version number and its own reader; stored lists are never rewritten.
/// </summary>
public static class OverdueList
{
    /// <summary>The version new lists are written in.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The longest text kept per item, in characters (the report lists, the tracker holds the whole text).</summary>
    public const int ContentMaxLength = 300;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>A list as format 1 JSON, for the snapshot's overdue column.</summary>
    public static string Write(OverdueListV1 list) => JsonSerializer.Serialize(list with { FormatVersion = CurrentVersion }, Options);

    /// <summary>
    /// Reads a stored list; null when <paramref name="json"/> is null (a report frozen before lists were kept). Throws
    /// <see cref="DomainException"/> "report.unknown-format" for a version this build does not know.
    /// </summary>
    public static OverdueListV1? Read(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var version = document.RootElement.TryGetProperty(nameof(OverdueListV1.FormatVersion), out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        return version == 1
            ? JsonSerializer.Deserialize<OverdueListV1>(json, Options)!
            : throw new DomainException("report.unknown-format", $"An overdue list in format {version} cannot be read by this version of the portal.");
    }
}

/// <summary>
/// Lists the recommendations a summary counts as overdue (<see cref="FigureDefinitions.Overdue"/> over the same
/// recommendations as <see cref="SummaryCalculator.Recommendations"/>), so the list a report keeps has exactly as many
/// items as its "Quá hạn" figure.
/// </summary>
public sealed class OverdueRegister(SummaryCalculator calculator, CalendarService calendar)
{
    /// <summary>
    /// The overdue recommendations of <paramref name="unit"/>'s subtree for <paramref name="period"/> on
    /// <paramref name="countedOn"/> (the Vietnam date the figures were counted on), longest overdue first; with
    /// <paramref name="then"/> over the subtree as it stood then, as the report's figures were (ADR 0018).
    /// </summary>
    public async Task<OverdueListV1> ListAsync(UnitScope unit, ReportPeriod period, DateOnly countedOn, CancellationToken cancellationToken, TreeThen? then = null)
    {
        var rows = await calculator.Recommendations(unit, period, then).Where(FigureDefinitions.Overdue(countedOn))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Content,
                UnitName = r.Meeting!.Unit!.Name,
                r.Meeting.HeldOn,
                RaisedBy = r.RaisedByOrganisation == null ? null : r.RaisedByOrganisation.Name,
                AddressedTo = r.AddressedToOrganisation == null ? null : r.AddressedToOrganisation.Name,
                DueOn = r.DueOn!.Value,
            })
            .ToListAsync(cancellationToken);
        var working = await calendar.CalendarAsync(cancellationToken);
        return new OverdueListV1(OverdueList.CurrentVersion, countedOn, rows.Select(r => new OverdueItem(
            r.Id, r.Content.Length > OverdueList.ContentMaxLength ? r.Content[..(OverdueList.ContentMaxLength - 1)] + "…" : r.Content,
            r.UnitName, r.HeldOn, r.RaisedBy, r.AddressedTo, r.DueOn, working.WorkingDaysBetween(r.DueOn, countedOn))).ToList());
    }
}
