using System.Text.Json;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>What an import may do: start-up and the command line may do everything; a web user only within their scope.</summary>
public sealed record ImportOptions(Func<string, bool> UnitPathAllowed, bool AllowReferenceData)
{
    public static readonly ImportOptions Unrestricted = new(_ => true, true);
}

public sealed class ImportResult(string source)
{
    public string Source { get; } = source;
    public List<string> Created { get; } = [];
    public List<string> Skipped { get; } = [];
    public List<string> Errors { get; } = [];
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Applies one interchange document in one transaction: reference data is upserted by its key,
/// a meeting already present (same unit, date and title) is skipped, and any error rolls back the
/// whole document so nothing is half-imported.
/// </summary>
public sealed class InterchangeImporter(MeetingPortalDbContext db, TimeProvider timeProvider, ICurrentUser currentUser, ILogger<InterchangeImporter> logger)
{
    public async Task<ImportResult> ImportJsonAsync(string json, string source, CancellationToken cancellationToken = default) =>
        await ImportJsonAsync(json, source, ImportOptions.Unrestricted, cancellationToken);

    public async Task<ImportResult> ImportJsonAsync(string json, string source, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var result = new ImportResult(source);
        IReadOnlyList<string> schemaErrors;
        try
        {
            schemaErrors = InterchangeSchema.Validate(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            schemaErrors = [$"#: {ex.Message}"];
        }

        if (schemaErrors.Count > 0)
        {
            result.Errors.AddRange(schemaErrors);
            return result;
        }

        InterchangeDocument document;
        try
        {
            document = JsonSerializer.Deserialize<InterchangeDocument>(json, InterchangeDocument.JsonOptions)!;
        }
        catch (JsonException ex)
        {
            result.Errors.Add($"{ex.Path ?? "#"}: {ex.Message}");
            return result;
        }

        return await ImportAsync(document, source, options, cancellationToken);
    }

    public Task<ImportResult> ImportAsync(InterchangeDocument document, string source, CancellationToken cancellationToken = default) =>
        ImportAsync(document, source, ImportOptions.Unrestricted, cancellationToken);

    public async Task<ImportResult> ImportAsync(InterchangeDocument document, string source, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var result = new ImportResult(source);
        if (!options.AllowReferenceData && (document.Levels?.Count > 0 || document.Themes?.Count > 0 || document.Units?.Count > 0
            || document.Calendar?.Count > 0 || document.DueDateRules?.Count > 0))
        {
            result.Errors.Add("#: levels, themes and units are imported by administrators only.");
            return result;
        }


        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await ImportLevelsAsync(document.Levels ?? [], cancellationToken);
            await ImportThemesAsync(document.Themes ?? [], cancellationToken);
            await ImportUnitsAsync(document.Units ?? [], result, cancellationToken);
            await ImportCalendarAsync(document.Calendar ?? [], cancellationToken);
            await ImportDueDateRulesAsync(document.DueDateRules ?? [], result, cancellationToken);
            foreach (var (meeting, index) in (document.Meetings ?? []).Select((m, i) => (m, i)))
            {
                await ImportMeetingAsync(meeting, $"#/meetings[{index}]", options, result, cancellationToken);
            }

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                result.Created.Clear();
                return result;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            await transaction.RollbackAsync(cancellationToken);
            result.Created.Clear();
            result.Errors.Add(ex.Message);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Imported {Source}: {Created} created, {Skipped} skipped, {Errors} errors",
            source, result.Created.Count, result.Skipped.Count, result.Errors.Count);
        return result;
    }

    private async Task ImportLevelsAsync(List<LevelData> levels, CancellationToken cancellationToken)
    {
        var known = (await db.UnitLevels.Select(l => l.Rank).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var level in levels.Where(l => known.Add(l.Rank)))
        {
            db.UnitLevels.Add(new UnitLevel(level.Rank, level.Name));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportThemesAsync(List<ThemeData> themes, CancellationToken cancellationToken)
    {
        var known = (await db.Themes.Select(t => t.Code).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var theme in themes.Where(t => known.Add(t.Code)))
        {
            db.Themes.Add(new Theme(theme.Code, theme.Name));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Days already in the calendar keep what an administrator may have changed.</summary>
    private async Task ImportCalendarAsync(List<CalendarDayData> days, CancellationToken cancellationToken)
    {
        var known = (await db.CalendarDays.Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var day in days.Where(d => !known.Contains(d.Date)))
        {
            db.CalendarDays.Add(new CalendarDay(day.Date, day.Kind, day.Name));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportDueDateRulesAsync(List<DueDateRuleData> rules, ImportResult result, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            int? themeId = null;
            if (rule.Theme is not null)
            {
                themeId = await db.Themes.Where(t => t.Code == rule.Theme).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
                if (themeId is null)
                {
                    result.Errors.Add($"Due-date rule: theme {rule.Theme} is unknown.");
                    continue;
                }
            }

            if (!await db.DueDateRules.AnyAsync(r => r.ThemeId == themeId && r.LevelRank == rule.Level, cancellationToken))
            {
                db.DueDateRules.Add(new DueDateRule(themeId, rule.Level, rule.WorkingDays));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportUnitsAsync(List<UnitData> units, ImportResult result, CancellationToken cancellationToken)
    {
        // Parents come before children in the file; a unit already present keeps its place.
        // Known codes are read once: every start runs this over the whole reference file.
        var known = (await db.Units.Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var data in units)
        {
            if (known.Contains(data.Code))
            {
                continue;
            }

            var level = await db.UnitLevels.SingleOrDefaultAsync(l => l.Rank == data.Level, cancellationToken);
            Unit? parent = null;
            if (data.Parent is not null)
            {
                parent = await db.Units.SingleOrDefaultAsync(u => u.Code == data.Parent, cancellationToken);
            }

            if (level is null || (data.Parent is not null && parent is null))
            {
                result.Errors.Add($"Unit {data.Code}: level {data.Level} or parent {data.Parent} is unknown.");
                continue;
            }

            var unit = new Unit(data.Code, data.Name, level.Id);
            unit.PlaceUnder(parent);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            unit.AssignPath();
            await db.SaveChangesAsync(cancellationToken);
            known.Add(data.Code);
            result.Created.Add($"unit {data.Code}");
        }
    }

    private async Task ImportMeetingAsync(MeetingData data, string path, ImportOptions options, ImportResult result, CancellationToken cancellationToken)
    {
        var label = $"{data.HeldOn:yyyy-MM-dd} {data.Title}";
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == data.Unit, cancellationToken);
        if (unit is null)
        {
            result.Errors.Add($"{path}.unit: unit {data.Unit} is unknown ({label}).");
            return;
        }

        // Records of a merged unit belong to the unit it merged into; an old file must say so itself.
        if (unit.MergedIntoId is { } mergedInto)
        {
            var into = await db.Units.AsNoTracking().Where(u => u.Id == mergedInto).Select(u => u.Code).SingleAsync(cancellationToken);
            result.Errors.Add($"{path}.unit: unit {data.Unit} was merged into {into}; import the meeting under {into} ({label}).");
            return;
        }

        if (!options.UnitPathAllowed(unit.Path))
        {
            result.Errors.Add($"{path}.unit: unit {data.Unit} is outside your scope ({label}).");
            return;
        }

        if (await db.Meetings.AnyAsync(m => m.UnitId == unit.Id && m.HeldOn == data.HeldOn && m.Title == data.Title, cancellationToken))
        {
            result.Skipped.Add($"{label}: a meeting of this unit with this date and title already exists.");
            return;
        }

        var organisations = new Dictionary<string, Organisation>();
        foreach (var o in data.Organisations ?? [])
        {
            var unitId = await ResolveUnitIdAsync(o.Unit, unit, cancellationToken);
            organisations[o.Key] = await db.Organisations.SingleOrDefaultAsync(x => x.UnitId == unitId && x.Name == o.Name, cancellationToken)
                ?? db.Organisations.Add(new Organisation(unitId, o.Name, o.Kind)).Entity;
        }

        var people = new Dictionary<string, Person>();
        foreach (var p in data.People ?? [])
        {
            var unitId = await ResolveUnitIdAsync(p.Unit, unit, cancellationToken);
            people[p.Key] = await db.People.FirstOrDefaultAsync(x => x.UnitId == unitId && x.FullName == p.FullName, cancellationToken)
                ?? db.People.Add(new Person(unitId, p.FullName)).Entity;
        }

        await db.SaveChangesAsync(cancellationToken);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);

        var missing = new List<string>();
        var by = new Actor(currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
        int? Org(string? key) => Lookup(organisations, key, missing)?.Id;
        int? PersonId(string? key) => Lookup(people, key, missing)?.Id;

        var meeting = new Meeting(unit.Id, data.Type, data.Title, data.HeldOn)
        {
            DayPart = data.DayPart,
            StartTime = data.StartTime,
            Period = data.Period is { } period ? new ReviewPeriod(period.Kind, period.Year, period.Number) : null,
            Location = data.Location,
            HostOrganisationId = Org(data.Host),
            Summary = data.Summary,
            Conclusion = data.Conclusion,
            StatedOpinionCount = data.StatedOpinionCount,
            StatedRecommendationCount = data.StatedRecommendationCount,
            Source = data.Source,
        };
        meeting.SetFormat(data.Format, data.ConnectedPoints);

        foreach (var key in data.ParticipatingOrganisations ?? [])
        {
            if (Org(key) is { } id)
            {
                meeting.AddOrganisation(id);
            }
        }

        foreach (var p in data.Participants ?? [])
        {
            if (PersonId(p.Person) is { } personId)
            {
                meeting.AddParticipant(personId, p.Role, p.Title, Org(p.Organisation));
            }
        }

        foreach (var s in data.Speeches ?? [])
        {
            var speech = meeting.AddSpeech(s.Kind, s.Content, PersonId(s.Speaker), s.SpeakerTitle, Org(s.Organisation));
            foreach (var r in s.Recommendations ?? [])
            {
                var recommendation = meeting.RaiseRecommendation(speech, r.Content, Org(r.RaisedBy), PersonId(r.RaisedByPerson));
                if (r.Theme is not null)
                {
                    if (themes.TryGetValue(r.Theme, out var themeId))
                    {
                        recommendation.ThemeId = themeId;
                    }
                    else
                    {
                        missing.Add($"theme {r.Theme}");
                    }
                }

                if (Org(r.AddressedTo) is { } addressedTo)
                {
                    recommendation.AssignTo(addressedTo, r.DueOn, by);
                }

                foreach (var response in r.Responses ?? [])
                {
                    recommendation.Respond(response.Kind, response.RespondedOn, Org(response.Organisation), PersonId(response.Person), response.Content, by);
                }
            }
        }

        foreach (var d in data.Directives ?? [])
        {
            var assignees = (d.Assignees ?? []).Select(Org).OfType<int>();
            meeting.AddDirective(d.Content, assignees, d.DueOn);
        }

        if (missing.Count > 0)
        {
            result.Errors.Add($"{path}: unknown keys {string.Join(", ", missing.Distinct())} ({label}).");
            return;
        }

        if (data.Status == MeetingStatus.Published)
        {
            meeting.Publish(timeProvider.GetUtcNow().UtcDateTime);
        }

        meeting.RefreshSearchText();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        db.History.Add(new HistoryEntry(nameof(Meeting), meeting.Id, HistoryAction.Imported, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime)
        {
            Version = meeting.Version,
            Reason = result.Source,
        });
        await db.SaveChangesAsync(cancellationToken);
        result.Created.Add(label);
    }

    private async Task<int> ResolveUnitIdAsync(string? code, Unit meetingUnit, CancellationToken cancellationToken)
    {
        if (code is null || code == meetingUnit.Code)
        {
            return meetingUnit.Id;
        }

        return await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("import.unknown-unit", $"Unit {code} is unknown.");
    }

    private static T? Lookup<T>(Dictionary<string, T> map, string? key, List<string> missing)
        where T : class
    {
        if (key is null)
        {
            return null;
        }

        if (map.TryGetValue(key, out var value))
        {
            return value;
        }

        missing.Add(key);
        return null;
    }
}
