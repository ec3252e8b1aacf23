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

/// <summary>
/// What an import may do, decided by the same authorization as the forms (the web page and the command
/// line build it from the importing user): start-up seeding may do everything.
/// </summary>
/// <param name="UnitPathAllowed">Whether records (meetings, organisations, people) may be written in the unit with this path.</param>
/// <param name="AllowReferenceData">Whether levels, themes, units, the calendar and due-date rules may be written (national settings: the top administrator only).</param>
/// <param name="UnitParentAllowed">Whether a new unit may be placed under the unit with this path (null: a root unit); by default a parent in scope, never a root.</param>
/// <param name="PlanWriteAllowed">Whether the dialogue plan of the unit with this path may be written (issue 18); by default where records may be.</param>
public sealed record ImportOptions(Func<string, Task<bool>> UnitPathAllowed, bool AllowReferenceData, Func<string?, Task<bool>>? UnitParentAllowed = null,
    Func<string, Task<bool>>? MinutesApprovalAllowed = null, Func<string, Task<bool>>? PlanWriteAllowed = null)
{
    public static readonly ImportOptions Unrestricted = new(_ => Task.FromResult(true), true, _ => Task.FromResult(true));

    /// <summary>
    /// Whether the file may bring approved minutes (format version 4) into a meeting of the unit at
    /// <paramref name="unitPath"/>: an approval is the chair's act (ADR 0019), so only a user who may approve the
    /// minutes there, or the top administrator who moves reference data between installations, may carry one in; a
    /// recorder may not make minutes "approved" by import.
    /// </summary>
    public async Task<bool> MayCarryApprovalAsync(string unitPath) =>
        AllowReferenceData || (MinutesApprovalAllowed is { } allowed && await allowed(unitPath));

    /// <summary>Whether the file may write the dialogue plan of the unit at <paramref name="unitPath"/> (format version 5).</summary>
    public async Task<bool> MayWritePlanAsync(string unitPath) =>
        PlanWriteAllowed is { } allowed ? await allowed(unitPath) : await UnitPathAllowed(unitPath);

    /// <summary>Whether a new unit may go under <paramref name="parentPath"/>.</summary>
    public async Task<bool> MayPlaceUnitUnderAsync(string? parentPath) =>
        UnitParentAllowed is { } allowed ? await allowed(parentPath) : parentPath is not null && await UnitPathAllowed(parentPath);
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
public sealed partial class InterchangeImporter(
    MeetingPortalDbContext db, TimeProvider timeProvider, ICurrentUser currentUser, CalendarService calendar, AuditTrail audit, ILogger<InterchangeImporter> logger,
    Files.AttachmentStore? store = null)
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
            // System.Text.Json's own words are English and name .NET types; the user needs where and what.
            schemaErrors = [$"#: tệp không phải JSON hợp lệ hoặc lồng nhau quá sâu (dòng {(ex.LineNumber ?? 0) + 1}, vị trí {(ex.BytePositionInLine ?? 0) + 1})."];
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
            var at = ex.Path is { Length: > 1 } jsonPath && jsonPath.StartsWith("$.", StringComparison.Ordinal) ? "#/" + jsonPath[2..] : "#";
            result.Errors.Add($"{at}: giá trị không đọc được theo kiểu của trường này (ngày viết yyyy-MM-dd, giờ HH:mm, số không đặt trong dấu ngoặc kép; xem docs/interchange.md).");
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
            || document.Calendar?.Count > 0 || document.DueDateRules?.Count > 0 || document.Organisations?.Count > 0 || document.Reorganisations?.Count > 0))
        {
            result.Errors.Add("#: cấp, lĩnh vực, đơn vị, lịch sử tên, các lần sắp xếp, lịch làm việc và quy tắc thời hạn là dữ liệu dùng chung toàn quốc, chỉ quản trị viên cấp cao nhất được nhập.");
            return result;
        }

        // Format version 4: a file says which version it is written in (the rule of version 3).
        if (document.FormatVersion < 4 && FirstVersion4Property(document) is { } newer)
        {
            result.Errors.Add($"{newer}: trường này thuộc định dạng phiên bản 4, tệp khai báo \"formatVersion\": {document.FormatVersion}.");
            return result;
        }

        // Format version 5: roadmaps, by the same rule.
        if (document.FormatVersion < 5 && FirstVersion5Property(document) is { } newer5)
        {
            result.Errors.Add($"{newer5}: trường này thuộc định dạng phiên bản 5, tệp khai báo \"formatVersion\": {document.FormatVersion}.");
            return result;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        _storedFiles.Clear();
        var committed = false;
        try
        {
            var createdRanks = await ImportLevelsAsync(document.Levels ?? [], result, cancellationToken);
            await ImportThemesAsync(document.Themes ?? [], result, cancellationToken);
            var createdCodes = await ImportUnitsAsync(document.Units ?? [], options, result, cancellationToken);
            // Format version 4: names over time and reorganisations, once every level and unit of the file exists.
            await ImportLevelRetirementsAsync(document.Levels ?? [], createdRanks, result, cancellationToken);
            await ImportUnitHistoryAsync(document.Units ?? [], createdCodes, result, cancellationToken);
            await ImportReorganisationsAsync(document.Reorganisations ?? [], result, cancellationToken);
            await ImportCalendarAsync(document.Calendar ?? [], result, cancellationToken);
            await ImportDueDateRulesAsync(document.DueDateRules ?? [], result, cancellationToken);
            foreach (var (meeting, index) in (document.Meetings ?? []).Select((m, i) => (m, i)))
            {
                await ImportMeetingAsync(meeting, $"#/meetings[{index}]", document.FormatVersion, options, result, cancellationToken);
            }

            // Format version 4: organisations' histories after the meetings, so that the bodies are made in the order the
            // meetings name them, as a file without histories makes them (pages list a meeting's bodies in that order).
            await ImportOrganisationHistoryAsync(document.Organisations ?? [], result, cancellationToken);

            // Format version 5: the dialogue plans, once the meetings they name exist.
            await ImportPlansAsync(document.Plans ?? [], options, result, cancellationToken);

            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                result.Created.Clear();
                return result;
            }

            await transaction.CommitAsync(cancellationToken);
            committed = true;
        }
        catch (DomainException ex)
        {
            await transaction.RollbackAsync(cancellationToken);
            result.Created.Clear();
            // The exception's message is the developer's English; the report is read by people.
            result.Errors.Add($"#: {StepRefusal(ex.Code)}; không có gì được nhập.");
        }
        finally
        {
            db.ChangeTracker.Clear();
            // Approved minutes' files written for a refused or failed import would never be reachable.
            if (!committed)
            {
                ForgetStoredFiles();
            }
        }

        logger.LogInformation("Imported {Source}: {Created} created, {Skipped} skipped, {Errors} errors",
            source, result.Created.Count, result.Skipped.Count, result.Errors.Count);
        return result;
    }

    /// <summary>Levels matched by rank, created when missing; returns the ranks created (a retirement is applied to those only).</summary>
    private async Task<HashSet<int>> ImportLevelsAsync(List<LevelData> levels, ImportResult result, CancellationToken cancellationToken)
    {
        var known = (await db.UnitLevels.Select(l => l.Rank).ToListAsync(cancellationToken)).ToHashSet();
        var added = levels.Where(l => known.Add(l.Rank)).Select(l => db.UnitLevels.Add(new UnitLevel(l.Rank, l.Name)).Entity).ToList();
        await db.SaveChangesAsync(cancellationToken);
        RecordReferenceData(added, nameof(UnitLevel), l => l.Id, l => $"cấp {l.Rank}: {l.Name}", result);
        return added.Select(l => l.Rank).ToHashSet();
    }

    private async Task ImportThemesAsync(List<ThemeData> themes, ImportResult result, CancellationToken cancellationToken)
    {
        // The administration page's rule, whichever door: a theme's key is lower-case words joined by hyphens.
        foreach (var bad in themes.Where(t => !Theme.IsValidCode(t.Code)))
        {
            result.Errors.Add($"Lĩnh vực {bad.Code}: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối.");
        }

        var known = (await db.Themes.Select(t => t.Code).ToListAsync(cancellationToken)).ToHashSet();
        var added = themes.Where(t => Theme.IsValidCode(t.Code) && known.Add(t.Code)).Select(t => db.Themes.Add(new Theme(t.Code, t.Name)).Entity).ToList();
        await db.SaveChangesAsync(cancellationToken);
        RecordReferenceData(added, nameof(Theme), t => t.Id, t => $"lĩnh vực {t.Name}", result);
    }

    /// <summary>Days already in the calendar keep what an administrator may have changed; new days move the due dates counted on the calendar.</summary>
    private async Task ImportCalendarAsync(List<CalendarDayData> days, ImportResult result, CancellationToken cancellationToken)
    {
        // The calendar page's rules, from the domain: a kept year, a worked day only on a weekend.
        var refused = days.Where(d => !WorkingCalendar.KeepsYear(d.Date.Year) || !CalendarDay.Fits(d.Date, d.Kind)).ToList();
        foreach (var bad in refused)
        {
            result.Errors.Add($"Lịch làm việc {bad.Date:dd/MM/yyyy}: năm phải từ {WorkingCalendar.FirstYear} đến {WorkingCalendar.LastYear}; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
        }

        if (refused.Count > 0)
        {
            return;
        }

        var known = (await db.CalendarDays.Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
        var added = days.Where(d => known.Add(d.Date)).Select(d => db.CalendarDays.Add(new CalendarDay(d.Date, d.Kind, d.Name)).Entity).ToList();
        await db.SaveChangesAsync(cancellationToken);
        // Read by people in the audit log: the day as Vietnamese write it and its kind in words (issue 17 trial).
        RecordReferenceData(added, nameof(CalendarDay), d => d.Id,
            d => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(d.Kind == CalendarDayKind.Holiday ? "ngày nghỉ" : "ngày làm bù")} {d.Date:dd/MM/yyyy}: {d.Name}"), result);
        if (added.Count > 0)
        {
            await calendar.RecountOpenDueDatesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// National settings written by an import reach the audit log like the same change made on the
    /// administration pages (one history row each, action "Imported", the file as the reason).
    /// </summary>
    private void RecordReferenceData<T>(IReadOnlyList<T> added, string entityType, Func<T, int> id, Func<T, string> describe, ImportResult result, bool isUnit = false)
    {
        foreach (var item in added)
        {
            // A unit's row carries the unit, so the administrators above it see it among their units' changes.
            audit.Record(entityType, id(item), HistoryAction.Imported, $"{describe(item)} ({result.Source})", unitId: isUnit ? id(item) : null);
        }
    }

    private async Task ImportDueDateRulesAsync(List<DueDateRuleData> rules, ImportResult result, CancellationToken cancellationToken)
    {
        foreach (var rule in rules)
        {
            if (!DueDateRule.IsValidPeriod(rule.WorkingDays))
            {
                result.Errors.Add($"Quy tắc thời hạn: {rule.WorkingDays} ngày làm việc nằm ngoài khoảng {DueDateRule.MinWorkingDays}–{DueDateRule.MaxWorkingDays}.");
                continue;
            }

            int? themeId = null;
            if (rule.Theme is not null)
            {
                themeId = await db.Themes.Where(t => t.Code == rule.Theme).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
                if (themeId is null)
                {
                    result.Errors.Add($"Quy tắc thời hạn: không có lĩnh vực {rule.Theme}.");
                    continue;
                }
            }

            if (!await db.DueDateRules.AnyAsync(r => r.ThemeId == themeId && r.LevelRank == rule.Level, cancellationToken))
            {
                var added = db.DueDateRules.Add(new DueDateRule(themeId, rule.Level, rule.WorkingDays)).Entity;
                await db.SaveChangesAsync(cancellationToken);
                calendar.Forget();
                var themeName = themeId is null ? null : await db.Themes.Where(t => t.Id == themeId).Select(t => t.Name).SingleAsync(cancellationToken);
                var levelName = rule.Level is null ? null : await db.UnitLevels.Where(l => l.Rank == rule.Level).Select(l => l.Name).FirstOrDefaultAsync(cancellationToken);
                RecordReferenceData([added], nameof(DueDateRule), r => r.Id,
                    r => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"thời hạn giải quyết, {(themeName is null ? "mọi lĩnh vực" : $"lĩnh vực {themeName}")}, {(rule.Level is null ? "mọi cấp" : levelName ?? $"cấp {rule.Level}")}: {r.WorkingDays} ngày làm việc"), result);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Units matched by code, created when missing (parents first); returns the codes created.</summary>
    private async Task<HashSet<string>> ImportUnitsAsync(List<UnitData> units, ImportOptions options, ImportResult result, CancellationToken cancellationToken)
    {
        // Parents come before children in the file; a unit already present keeps its place.
        // Known codes are read once: every start runs this over the whole reference file.
        var known = (await db.Units.Select(u => u.Code).ToListAsync(cancellationToken)).ToHashSet();
        var created = new HashSet<string>();
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

            if (level is null)
            {
                result.Errors.Add($"Đơn vị {data.Code}: không có cấp {data.Level}.");
                continue;
            }

            // An unknown parent and one outside the administrator's scope get one answer: which codes exist is not told.
            if (data.Parent is not null && (parent is null || !await options.MayPlaceUnitUnderAsync(parent.Path)))
            {
                result.Errors.Add(UnitNotInScope($"Đơn vị {data.Code}: đơn vị cấp trên", data.Parent) + ".");
                continue;
            }

            // The administration form's rules, from the domain: a key that travels, a level below the parent's.
            if (!Unit.IsValidCode(data.Code) || string.IsNullOrWhiteSpace(data.Name) || data.Name.Length > Unit.NameMaxLength)
            {
                result.Errors.Add($"Đơn vị {data.Code}: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối; tên không được để trống, tối đa {Unit.NameMaxLength} ký tự.");
                continue;
            }

            // A merged unit stands under the unit it merged into, of its own level (ADR 0005); the merger is checked by the domain.
            var underItsMerger = data.MergedInto is not null && data.MergedInto == data.Parent;
            if (parent is not null && !underItsMerger && !Unit.MayBeAtLevelUnder(level, await db.UnitLevels.SingleAsync(l => l.Id == parent.LevelId, cancellationToken)))
            {
                result.Errors.Add($"Đơn vị {data.Code}: cấp {data.Level} phải thấp hơn cấp của đơn vị cấp trên {data.Parent}.");
                continue;
            }

            // The administration pages' rule: a unit is created strictly below the administrator's own unit, never as a root.
            if (parent is null && !await options.MayPlaceUnitUnderAsync(null))
            {
                result.Errors.Add($"Đơn vị {data.Code}: không được tạo đơn vị gốc (không có cấp trên).");
                continue;
            }

            var unit = new Unit(data.Code, data.Name, level.Id);
            unit.PlaceUnder(parent);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            unit.AssignPath();
            RecordReferenceData([unit], nameof(Unit), u => u.Id, u => $"đơn vị {u.Code}: {u.Name}", result, isUnit: true);
            await db.SaveChangesAsync(cancellationToken);
            known.Add(data.Code);
            created.Add(data.Code);
            result.Created.Add($"đơn vị {data.Code}");
        }

        return created;
    }

    private async Task ImportMeetingAsync(MeetingData data, string path, int formatVersion, ImportOptions options, ImportResult result, CancellationToken cancellationToken)
    {
        var label = $"{data.HeldOn:yyyy-MM-dd} {data.Title}";
        if (formatVersion < 3 && FirstVersion3Property(data, path) is { } newer)
        {
            result.Errors.Add($"{newer}: trường này thuộc định dạng phiên bản 3, tệp khai báo \"formatVersion\": {formatVersion} ({label}).");
            return;
        }

        if (!RecordDates.IsPossibleMeetingDay(data.HeldOn, calendar.Today))
        {
            result.Errors.Add($"{path}.heldOn: ngày họp {data.HeldOn:dd/MM/yyyy} phải là ngày đã diễn ra (không sau hôm nay) và từ năm {RecordDates.FirstMeetingYear} ({label}).");
            return;
        }

        // An unknown unit and one outside the importer's scope get one answer: which codes exist is not told.
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == data.Unit, cancellationToken);
        if (unit is null || !await options.UnitPathAllowed(unit.Path))
        {
            result.Errors.Add($"{path}.unit: {UnitNotInScope("đơn vị", data.Unit)} ({label}).");
            return;
        }

        // A unit retired (the districts on 1/7/2025) holds no meeting from its retirement on, as the form offers none.
        if (unit.RetiredOn is { } retiredOn && data.HeldOn >= retiredOn)
        {
            result.Errors.Add($"{path}.heldOn: đơn vị {unit.Name} thôi hoạt động từ ngày {retiredOn:dd/MM/yyyy}, nên không có hội nghị họp ngày {data.HeldOn:dd/MM/yyyy} ({label}).");
            return;
        }

        if (data.MinutesApproval is not null && !await options.MayCarryApprovalAsync(unit.Path))
        {
            result.Errors.Add($"{path}.minutesApproval: tài khoản này không được duyệt biên bản của đơn vị {unit.Name}, nên không nhập được biên bản đã duyệt; bỏ phần \"minutesApproval\" để nhập hồ sơ ({label}).");
            return;
        }

        // Records of a merged unit belong to the unit it merged into; an old file must say so itself.
        if (unit.MergedIntoId is { } mergedInto)
        {
            var into = await db.Units.AsNoTracking().Where(u => u.Id == mergedInto).Select(u => u.Code).SingleAsync(cancellationToken);
            result.Errors.Add($"{path}.unit: đơn vị {data.Unit} đã được hợp nhất vào {into}; hãy nhập hội nghị dưới đơn vị {into} ({label}).");
            return;
        }

        if (await db.Meetings.AnyAsync(m => m.UnitId == unit.Id && m.HeldOn == data.HeldOn && m.Title == data.Title, cancellationToken))
        {
            result.Skipped.Add($"{label}: đơn vị đã có hội nghị cùng ngày và cùng tên.");
            return;
        }

        // The form's rule: a record names organisations and people of its unit and the units above it,
        // and creates new ones only where the importer may write.
        var lineage = Unit.IdsOf(unit.Path).ToHashSet();
        // Format version 4: a meeting a merger moved also names the bodies above the unit that held it, as they stood that day.
        lineage.UnionWith(await LineageThenAsync(data.HeldIn, data.HeldOn, cancellationToken));
        var refused = new List<string>();
        // Each unit a file names is read once for the meeting, however many bodies and people name it.
        var owners = new Dictionary<string, (int Id, string Path)?>();
        async Task<(int Id, string Path)?> ResolveAsync(string? code)
        {
            var key = code ?? unit.Code;
            if (!owners.TryGetValue(key, out var owner))
            {
                owner = await ResolveUnitAsync(code, unit, cancellationToken);
                owners[key] = owner;
            }

            return owner;
        }

        async Task<int?> OwnerAsync((int Id, string Path)? owner, string? code, string what, bool exists)
        {
            if (owner is null || !lineage.Contains(owner.Value.Id))
            {
                refused.Add($"{what}: đơn vị {code} không phải đơn vị của hội nghị hoặc cấp trên của nó");
                return null;
            }

            if (!exists && !await options.UnitPathAllowed(owner.Value.Path))
            {
                refused.Add($"{what}: không được tạo mới ở đơn vị {code}, nằm ngoài phạm vi của bạn");
                return null;
            }

            return owner.Value.Id;
        }

        var organisations = new Dictionary<string, Organisation>();
        foreach (var o in data.Organisations ?? [])
        {
            var owner = await ResolveAsync(o.Unit);
            var ownerId = owner?.Id;
            var existing = ownerId is null ? null : await db.Organisations.SingleOrDefaultAsync(x => x.UnitId == ownerId && x.Name == o.Name, cancellationToken);
            if (await OwnerAsync(owner, o.Unit ?? unit.Code, $"tổ chức {o.Key}", existing is not null) is { } unitId)
            {
                organisations[o.Key] = existing ?? db.Organisations.Add(new Organisation(unitId, o.Name, o.Kind)).Entity;
            }
        }

        var people = new Dictionary<string, Person>();
        foreach (var p in data.People ?? [])
        {
            var owner = await ResolveAsync(p.Unit);
            var ownerId = owner?.Id;
            var existing = ownerId is null ? null : await db.People.FirstOrDefaultAsync(x => x.UnitId == ownerId && x.FullName == p.FullName, cancellationToken);
            if (await OwnerAsync(owner, p.Unit ?? unit.Code, $"người {p.Key}", existing is not null) is { } unitId)
            {
                people[p.Key] = existing ?? db.People.Add(new Person(unitId, p.FullName)).Entity;
            }
        }

        if (refused.Count > 0)
        {
            result.Errors.Add($"{path}: {string.Join("; ", refused)} ({label}).");
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        var groups = await ImportGroupsAsync(data, organisations, ResolveAsync, OwnerAsync, refused, cancellationToken);
        if (refused.Count > 0)
        {
            result.Errors.Add($"{path}: {string.Join("; ", refused)} ({label}).");
            return;
        }

        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);

        var policy = await calendar.PolicyAsync(cancellationToken);
        // The level of each addressed body's unit, read once per unit rather than once per recommendation.
        var levels = new Dictionary<int, int?>();
        var missing = new List<string>();
        var by = new Actor(currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
        int? Org(string? key) => Lookup(organisations, key, missing)?.Id;
        int? PersonId(string? key) => Lookup(people, key, missing)?.Id;

        if (data.Period is { } chosen && !ReviewPeriod.IsValid(chosen.Kind, chosen.Year, chosen.Number))
        {
            result.Errors.Add($"{path}.period: kỳ {chosen.Number}/{chosen.Year} không hợp lệ: năm từ {ReviewPeriod.FirstYear} đến {ReviewPeriod.LastYear} ({label}).");
            return;
        }

        var meeting = new Meeting(unit.Id, data.Type, data.Title, data.HeldOn)
        {
            DayPart = data.DayPart,
            StartTime = data.StartTime,
            Period = data.Period is { } period ? new ReviewPeriod(period.Kind, period.Year, period.Number) : null,
            Location = data.Location,
            Summary = data.Summary,
            Conclusion = data.Conclusion,
            StatedOpinionCount = data.StatedOpinionCount,
            StatedRecommendationCount = data.StatedRecommendationCount,
        };
        // Not stated unless the file says: the portal's own exports always wrote the format, so a file without one never knew it.
        meeting.SetFormat(data.Format ?? MeetingFormat.NotStated, data.ConnectedPoints);
        meeting.SetHost(Org(data.Host), data.HostBoard ?? HostBoard.Body);
        meeting.SetEndTime(data.EndTime);
        meeting.SetStatedAttendance(data.StatedInvitedCount, data.StatedPresentCount, data.StatedAbsentCount, data.AttendanceNote);
        meeting.SetSource(data.Source, data.RebuiltFromSecondarySource ?? false);
        if (await ApplyHeldInAsync(meeting, unit, data.HeldIn, path, cancellationToken) is { } heldInError)
        {
            result.Errors.Add($"{heldInError} ({label}).");
            return;
        }

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
                meeting.AddParticipant(personId, p.Role, p.Title, Org(p.Organisation)).RecordAttendance(p.Attendance ?? Attendance.NotStated, p.AbsenceReason);
            }
        }

        // Issue 16, deliver 4: groups named among those taking part, in the record's wording.
        foreach (var g in data.ParticipantGroups ?? [])
        {
            if (Lookup(groups, g.Group, missing) is { } group)
            {
                meeting.AddParticipantGroup(group, g.Wording);
            }
        }

        var answered = new List<(Recommendation Recommendation, List<ResponseData> Responses)>();
        var worked = new List<(Recommendation Recommendation, RecommendationData Data, string Path)>();
        var planned = new List<(Recommendation Recommendation, RoadmapData Roadmap, string Path)>();
        foreach (var (s, speechIndex) in (data.Speeches ?? []).Select((s, i) => (s, i)))
        {
            var speech = meeting.AddSpeech(s.Kind, s.Content, PersonId(s.Speaker), s.SpeakerTitle, Org(s.Organisation));
            foreach (var (r, recommendationIndex) in (s.Recommendations ?? []).Select((r, i) => (r, i)))
            {
                var recommendation = meeting.RaiseRecommendation(speech, r.Content, Org(r.RaisedBy), PersonId(r.RaisedByPerson));
                var recommendationPath = $"{path}.speeches[{speechIndex}].recommendations[{recommendationIndex}]";
                if (r.Roadmap is { } roadmap)
                {
                    // Version 5: restored once the answers and the history stand.
                    planned.Add((recommendation, roadmap, $"{recommendationPath}.roadmap"));
                }

                if (r.Theme is not null)
                {
                    if (themes.TryGetValue(r.Theme, out var themeId))
                    {
                        recommendation.ThemeId = themeId;
                    }
                    else
                    {
                        missing.Add($"lĩnh vực {r.Theme}");
                    }
                }

                if (r.DueOn is { } given && !Deadline.IsAcceptable(given, data.HeldOn))
                {
                    result.Errors.Add($"{path}: hạn giải quyết {given:yyyy-MM-dd} phải từ ngày hội nghị trở đi và không quá năm {WorkingCalendar.LastYear} ({label}).");
                    return;
                }

                if (r.RecurrenceOf is { } reference && await LinkRecurrenceAsync(recommendation, reference, data.HeldOn, $"{recommendationPath}.recurrenceOf", options, cancellationToken) is { } linkError)
                {
                    result.Errors.Add($"{linkError} ({label}).");
                    return;
                }

                if (r.History is not null)
                {
                    // Version 3: the history says who was given the matter and when; it is replayed once the meeting stands.
                    worked.Add((recommendation, r, recommendationPath));
                }
                else if (Lookup(organisations, r.AddressedTo, missing) is { } body)
                {
                    // A file records what happened at the meeting: without its own due date the rules count from the meeting day.
                    if (!levels.TryGetValue(body.UnitId, out var level))
                    {
                        level = await db.Units.Where(u => u.Id == body.UnitId).Select(u => (int?)u.Level!.Rank).SingleOrDefaultAsync(cancellationToken);
                        levels[body.UnitId] = level;
                    }

                    recommendation.AssignTo(body.Id, policy.Resolve(r.DueOn, data.HeldOn, recommendation.ThemeId, level), by);
                }

                if (r.History is null && r.Responses is { Count: > 0 } responses)
                {
                    answered.Add((recommendation, responses));
                }
            }
        }

        foreach (var (d, directiveIndex) in (data.Directives ?? []).Select((d, i) => (d, i)))
        {
            if (d.DueOn is { } given && !Deadline.IsAcceptable(given, data.HeldOn))
            {
                result.Errors.Add($"{path}: hạn nhiệm vụ {given:yyyy-MM-dd} phải từ ngày hội nghị trở đi và không quá năm {WorkingCalendar.LastYear} ({label}).");
                return;
            }

            var assignees = (d.Assignees ?? []).Select(Org).OfType<int>();
            var directive = meeting.AddDirective(d.Content, assignees, d.DueOn);
            // Issue 16, deliver 4: the groups the task is given to.
            foreach (var key in d.GroupAssignees ?? [])
            {
                if (Lookup(groups, key, missing) is { } group)
                {
                    directive.AssignToGroup(group);
                }
            }

            // Format version 3: the target, progress and completion, through the domain's rules.
            if (ApplyTaskRecord(directive, d, $"{path}.directives[{directiveIndex}]", data.HeldOn, Org) is { } taskError)
            {
                result.Errors.Add($"{taskError} ({label}).");
                return;
            }
        }

        if (missing.Count > 0)
        {
            result.Errors.Add($"{path}: không có các khoá {string.Join(", ", missing.Distinct())} ({label}).");
            return;
        }

        if (data.Status == MeetingStatus.Published)
        {
            try
            {
                meeting.Publish(timeProvider.GetUtcNow().UtcDateTime);
            }
            catch (DomainException ex)
            {
                result.Errors.Add($"{path}.status: {PublishRefusal(ex.Code)} ({label}).");
                return;
            }
        }

        // A draft's recommendations are not followed up yet (Recommendation.IsFollowed): answers come with publication.
        if ((answered.Count > 0 || worked.Any(w => w.Data.Responses is { Count: > 0 })) && meeting.Status == MeetingStatus.Draft)
        {
            result.Errors.Add($"{path}.status: hội nghị có câu trả lời cho kiến nghị phải ở trạng thái \"published\" (đã công bố) ({label}).");
            return;
        }

        // The form's rule for a reply's date: from the meeting day to today.
        if (answered.SelectMany(a => a.Responses).Concat(worked.SelectMany(w => w.Data.Responses ?? []))
            .FirstOrDefault(r => !RecordDates.IsBetweenMeetingAndToday(r.RespondedOn, data.HeldOn, calendar.Today)) is { } misdated)
        {
            result.Errors.Add($"{path}: ngày trả lời {misdated.RespondedOn:dd/MM/yyyy} phải từ ngày hội nghị đến hôm nay ({label}).");
            return;
        }

        foreach (var (recommendation, responses) in answered)
        {
            foreach (var response in responses)
            {
                recommendation.Respond(response.Kind, response.RespondedOn, Org(response.Organisation), PersonId(response.Person), response.Content, by);
            }
        }

        foreach (var (recommendation, recommendationData, recommendationPath) in worked)
        {
            if (Replay(recommendation, recommendationData, recommendationPath, data.HeldOn, Org, PersonId) is { } historyError)
            {
                result.Errors.Add($"{historyError} ({label}).");
                return;
            }
        }

        foreach (var (recommendation, roadmap, roadmapPath) in planned)
        {
            if (RestoreRoadmap(recommendation, roadmap, roadmapPath, Org, by) is { } roadmapError)
            {
                result.Errors.Add($"{roadmapError} ({label}).");
                return;
            }
        }

        if (missing.Count > 0)
        {
            result.Errors.Add($"{path}: không có các khoá {string.Join(", ", missing.Distinct())} ({label}).");
            return;
        }

        // Format version 4: the approved minutes with the files approved, never generated again (ADR 0019).
        if (data.MinutesApproval is { } approval && await RestoreMinutesApprovalAsync(meeting, approval, $"{path}.minutesApproval", cancellationToken) is { } approvalError)
        {
            result.Errors.Add($"{approvalError} ({label}).");
            return;
        }

        // Format version 5: the report on earlier recommendations, which must already be in the portal.
        if (data.CarriedOver is { Count: > 0 } carried && await ReportCarriedOverAsync(meeting, carried, $"{path}.carriedOver", options, cancellationToken) is { } carriedError)
        {
            result.Errors.Add($"{carriedError} ({label}).");
            return;
        }

        meeting.RefreshSearchText();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(nameof(Meeting), meeting.Id, HistoryAction.Imported, result.Source, version: meeting.Version);
        await db.SaveChangesAsync(cancellationToken);
        result.Created.Add(label);
    }

    /// <summary>
    /// Issue 16, deliver 4 (ADR 0020): the meeting's groups of bodies, each found by its unit and name or created where the
    /// importer may write, as organisations are; a group's listed members are added to it (members already known are
    /// kept). A member of another unit than its group's is refused with the others, before anything is saved.
    /// </summary>
    private async Task<Dictionary<string, BodyGroup>> ImportGroupsAsync(
        MeetingData data, Dictionary<string, Organisation> organisations, Func<string?, Task<(int Id, string Path)?>> resolve,
        Func<(int Id, string Path)?, string?, string, bool, Task<int?>> owner, List<string> refused, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, BodyGroup>();
        var unitCode = data.Unit;
        foreach (var g in data.Groups ?? [])
        {
            var found = await resolve(g.Unit);
            var foundId = found?.Id;
            var existing = foundId is null ? null
                : await db.BodyGroups.Include(x => x.Members).SingleOrDefaultAsync(x => x.UnitId == foundId && x.Name == g.Name.Trim(), cancellationToken);
            if (await owner(found, g.Unit ?? unitCode, $"nhóm {g.Key}", existing is not null) is not { } unitId)
            {
                continue;
            }

            var group = existing ?? db.BodyGroups.Add(new BodyGroup(unitId, g.Name)).Entity;
            foreach (var key in g.Members ?? [])
            {
                if (!organisations.TryGetValue(key, out var member))
                {
                    refused.Add($"nhóm {g.Key}: không có tổ chức {key}");
                }
                else if (member.UnitId != unitId)
                {
                    refused.Add($"nhóm {g.Key}: tổ chức {key} không thuộc đơn vị của nhóm");
                }
                else
                {
                    group.AddMember(member);
                }
            }

            groups[g.Key] = group;
        }

        if (refused.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return groups;
    }

    private static string PublishRefusal(string code) => code switch
    {
        PublishRule.HostMissing => "để công bố, hãy nêu cơ quan tổ chức hội nghị (host)",
        PublishRule.SpeechMissing => "để công bố, hồ sơ cần ít nhất một phát biểu",
        _ => "hồ sơ chưa đủ để công bố",
    };

    private async Task<(int Id, string Path)?> ResolveUnitAsync(string? code, Unit meetingUnit, CancellationToken cancellationToken)
    {
        if (code is null || code == meetingUnit.Code)
        {
            return (meetingUnit.Id, meetingUnit.Path);
        }

        // Null when there is no such unit: the caller refuses it as it refuses a unit outside the meeting's lineage.
        var found = await db.Units.Where(u => u.Code == code).Select(u => new { u.Id, u.Path }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Path);
    }

    /// <summary>
    /// The one answer for a unit code that does not exist and one outside the importer's scope (issue 14, item 9:
    /// the two answers told which codes exist). <paramref name="what"/> names the field ("đơn vị", "đơn vị cấp trên").
    /// </summary>
    private static string UnitNotInScope(string what, string? code) => $"{what} {code} không có hoặc nằm ngoài phạm vi của bạn";

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
