namespace MeetingPortal.Benchmarks;

/// <summary>
/// A page as a user opens it, with the SQL it cannot do without (the floor) and its targets, if the issue sets them:
/// p95 at one client and at eight. With <paramref name="AfterAChange"/> every request follows a counted change (a
/// row in FigureChanges), so a summary is computed afresh each time rather than reused.
/// </summary>
public sealed record Scenario(string Name, string User, string Url, IReadOnlyList<string> RawSql, double? TargetP95, bool Binary = false, double? TargetP95At8 = null, bool AfterAChange = false);

/// <summary>The ids the scenarios need, read from the generated database.</summary>
public sealed record Subjects(
    string RootPath, string ProvincePath, string DistrictPath, string WardPath, int Root, int Province, int District, int Ward, int Meeting, int ResponderOrganisation, string Prefix, int Year, int Quarter, string Today,
    IReadOnlyDictionary<string, string> UserIds, IReadOnlyDictionary<string, string> UnitIdsByPath);

public static class Scenarios
{
    private const string InScope = "u.Path >= $lo AND u.Path < $hi";

    /// <summary>The scope as two literals: the planner sees the range as it sees EF's parameters (a CTE hid it and cost a full scan).</summary>
    private static string Scoped(string sql, string path) =>
        sql.Replace("$lo", $"'{path}'", StringComparison.Ordinal).Replace("$hi", $"'{path[..^1]}0'", StringComparison.Ordinal);

    /// <summary>Every page's layout: the unread count beside the bell.</summary>
    private static string Unread(string userId) => $"SELECT COUNT(*) FROM Notifications WHERE UserId = '{userId}' AND ReadAtUtc IS NULL";

    /// <summary>The units a user may pick: their scope without merged units.</summary>
    private static string UnitChoices(string scopePath) =>
        Scoped($"SELECT u.Id, u.Name, u.Path FROM Units u WHERE {InScope} AND u.MergedIntoId IS NULL ORDER BY u.Path", scopePath);

    /// <summary>
    /// What the meeting list reads: the unit choices, the bodies of the chosen unit and the level below,
    /// the chosen unit's path, the count and one page of rows with their recommendation counts.
    /// </summary>
    private static List<string> MeetingList(string scopePath, int around, string path, string? search, string userId)
    {
        var statements = new List<string>
        {
            UnitChoices(scopePath),
            Scoped($"SELECT o.Id, o.Name FROM Organisations o JOIN Units u ON u.Id = o.UnitId WHERE {InScope} AND (o.UnitId = {around} OR u.ParentId = {around}) ORDER BY o.Name", scopePath),
        };
        if (path != scopePath)
        {
            statements.Add($"SELECT Path FROM Units WHERE Id = {around}");
        }

        statements.Add(Scoped($"SELECT COUNT(*) FROM Meetings m JOIN Units u ON u.Id = m.UnitId WHERE {InScope} {SearchWhere(search)}", path));
        statements.Add(Scoped($"""
            SELECT m.Id, m.HeldOn, m.Title, u.Name, m.Type, m.Format, m.Status, (SELECT COUNT(*) FROM Recommendations r WHERE r.MeetingId = m.Id)
            FROM Meetings m JOIN Units u ON u.Id = m.UnitId WHERE {InScope} {SearchWhere(search)}
            ORDER BY m.HeldOn DESC, m.Id DESC LIMIT 20
            """, path));
        statements.Add(Unread(userId));
        return statements;
    }

    /// <summary>Words found through the FTS5 index, each from a word's start, as the page asks for them.</summary>
    private static string SearchWhere(string? terms) =>
        terms is null ? string.Empty : $" AND +m.Id IN (SELECT rowid FROM MeetingSearchIndex WHERE MeetingSearchIndex MATCH '{string.Join(' ', terms.Split(' ').Select(t => $"\"{t}\"*"))}')";

    /// <summary>The whole record with every name it shows, its attachments and its history.</summary>
    private static IReadOnlyList<string> MeetingDetail(int meeting, string userId) =>
    [
        $"SELECT m.*, u.Path, u.Name, o.Name FROM Meetings m JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations o ON o.Id = m.HostOrganisationId WHERE m.Id = {meeting}",
        $"SELECT pe.FullName, p.Title, p.Role FROM MeetingParticipants p JOIN People pe ON pe.Id = p.PersonId WHERE p.MeetingId = {meeting} ORDER BY p.\"Order\"",
        $"SELECT o.Name FROM MeetingOrganisation mo JOIN Organisations o ON o.Id = mo.OrganisationId WHERE mo.MeetingId = {meeting}",
        $"SELECT s.Id, s.\"Order\", s.Kind, pe.FullName, s.SpeakerTitle, o.Name, s.Content FROM Speeches s LEFT JOIN People pe ON pe.Id = s.SpeakerId LEFT JOIN Organisations o ON o.Id = s.OrganisationId WHERE s.MeetingId = {meeting} ORDER BY s.\"Order\"",
        $"""
            SELECT r.Id, r.SpeechId, r.Content, ra.Name, ad.Name, t.Name, r.Status FROM Recommendations r LEFT JOIN Organisations ra ON ra.Id = r.RaisedByOrganisationId
            LEFT JOIN Organisations ad ON ad.Id = r.AddressedToOrganisationId LEFT JOIN Themes t ON t.Id = r.ThemeId WHERE r.MeetingId = {meeting} ORDER BY r."Order"
            """,
        $"""
            SELECT x.RecommendationId, x.Kind, x.RespondedOn, o.Name, pe.FullName, x.Content FROM Responses x JOIN Recommendations r ON r.Id = x.RecommendationId
            LEFT JOIN Organisations o ON o.Id = x.OrganisationId LEFT JOIN People pe ON pe.Id = x.PersonId WHERE r.MeetingId = {meeting} ORDER BY x.RespondedOn
            """,
        $"SELECT d.Id, d.Content, d.DueOn FROM Directives d WHERE d.MeetingId = {meeting} ORDER BY d.\"Order\"",
        $"SELECT a.DirectiveId, o.Name FROM DirectiveAssignee a JOIN Directives d ON d.Id = a.DirectiveId JOIN Organisations o ON o.Id = a.OrganisationId WHERE d.MeetingId = {meeting}",
        $"SELECT Action, UserName, AtUtc, Reason, Changes FROM History WHERE EntityType = 'Meeting' AND EntityId = {meeting} ORDER BY AtUtc DESC, Id DESC",
        $"SELECT Id, FileName, Type, SizeBytes, CreatedBy, CreatedAtUtc FROM Attachments WHERE MeetingId = {meeting} ORDER BY Id",
        Unread(userId),
    ];

    /// <summary>The tracker's filter choices, its counts per status and one page of overdue items.</summary>
    private static IReadOnlyList<string> Overdue(string path, string today, string userId)
    {
        const string Filter = "r.Status IN (1, 2, 3) AND r.DueOn < '{0}'";
        var overdue = string.Format(System.Globalization.CultureInfo.InvariantCulture, Filter, today);
        return
        [
            UnitChoices(path),
            Scoped($"SELECT o.Id, o.Name FROM Organisations o WHERE o.UnitId IN (SELECT u.Id FROM Units u WHERE {InScope}) ORDER BY o.Name", path),
            "SELECT Id, Name FROM Themes ORDER BY Id",
            Scoped($"SELECT r.Status, COUNT(*) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {overdue} GROUP BY r.Status", path),
            Scoped($"""
                SELECT r.Id, r.Content, r.MeetingId, m.Title, m.HeldOn, u.Name, ra.Name, ad.Name, t.Name, r.DueOn, r.Status FROM Recommendations r
                JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations ra ON ra.Id = r.RaisedByOrganisationId
                LEFT JOIN Organisations ad ON ad.Id = r.AddressedToOrganisationId LEFT JOIN Themes t ON t.Id = r.ThemeId
                WHERE {InScope} AND {overdue} ORDER BY r.DueOn, r.Id LIMIT 25
                """, path),
            Unread(userId),
        ];
    }

    /// <summary>The responder's body, its counts and the first page of its queue.</summary>
    private static IReadOnlyList<string> Queue(string path, int organisation, string today, string userId)
    {
        var awaiting = $"r.AddressedToOrganisationId = {organisation} AND r.Status IN (1, 2, 3)";
        var scoped = $"FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {awaiting}";
        return
        [
            $"SELECT Name FROM Organisations WHERE Id = {organisation}",
            Scoped($"SELECT COUNT(*) {scoped}", path),
            Scoped($"SELECT COUNT(*) {scoped} AND r.Status IN (1, 2, 3) AND r.DueOn IS NOT NULL AND r.DueOn < '{today}'", path),
            Scoped($"""
                SELECT r.Id, r.Version, r.Content, m.Title, m.HeldOn, u.Name, o.Name, r.DueOn, r.Status
                FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations o ON o.Id = r.RaisedByOrganisationId
                WHERE {InScope} AND {awaiting} ORDER BY r.DueOn IS NULL, r.DueOn, r.Id LIMIT 25
                """, path),
            Unread(userId),
        ];
    }

    /// <summary>
    /// Everything the summary shows for a period and the one before, grouped in SQL as the page does: counts,
    /// the date pairs its working-day medians need, breakdowns with their names, scorecards, recurring matters,
    /// the child units' rows, the eight-quarter trend, the calendar, the unit choices and the trail.
    /// </summary>
    private static List<string> Summary(string scopePath, int unit, string path, string unitIds, bool hasChildren, int year, int quarter, string today, string? userId)
    {
        var (from, to) = Quarter(year, quarter);
        var (previousFrom, previousTo) = quarter == 1 ? Quarter(year - 1, 4) : Quarter(year, quarter - 1);
        var (trendFrom, _) = Quarter(quarter == 4 ? year - 1 : year - 2, (quarter % 4) + 1);
        IEnumerable<string> Period(string start, string end, bool details)
        {
            var held = $"m.Status = 2 AND m.HeldOn >= '{start}' AND m.HeldOn < '{end}'";
            var meetings = $"FROM Meetings m JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {held}";
            var recommendations = $"FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {held}";
            yield return Scoped($"SELECT m.Type, COUNT(*) {meetings} GROUP BY m.Type", path);
            // One count per figure definition (ADR 0015), as the page counts them.
            foreach (var definition in new[]
            {
                "1 = 1", "r.FirstAnsweredOn IS NOT NULL", "r.ResolvedOn IS NOT NULL", $"r.DueOn < '{today}'", $"r.DueOn < '{today}' AND r.FirstAnsweredOn <= r.DueOn",
                $"r.DueOn >= '{today}'", "r.DueOn IS NULL", "r.Status IN (1, 2, 3, 4)",
            })
            {
                yield return Scoped($"SELECT COUNT(*) {recommendations} AND {definition}", path);
            }

            yield return Scoped($"SELECT COUNT(*), SUM(m.StatedRecommendationCount), SUM(m.StatedOpinionCount) {meetings} AND (m.StatedRecommendationCount IS NOT NULL OR m.StatedOpinionCount IS NOT NULL)", path);
            yield return Scoped($"SELECT COUNT(*) {recommendations} AND r.Status IN (1, 2, 3) AND r.DueOn IS NOT NULL AND r.DueOn < '{today}'", path);
            yield return Scoped($"SELECT COUNT(DISTINCT COALESCE(r.RecurrenceOfId, r.Id)) {recommendations}", path);
            yield return Scoped($"SELECT COUNT(*), SUM(d.Status = 2) FROM Directives d JOIN Meetings m ON m.Id = d.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {held}", path);
            yield return Scoped($"SELECT m.HeldOn, r.FirstAnsweredOn {recommendations} AND r.FirstAnsweredOn IS NOT NULL", path);
            yield return Scoped($"SELECT m.HeldOn, r.ResolvedOn {recommendations} AND r.ResolvedOn IS NOT NULL", path);
            if (!details)
            {
                yield break;
            }

            yield return Scoped($"""
                SELECT r.AddressedToOrganisationId, o.Name, COUNT(*), SUM(r.FirstAnsweredOn IS NOT NULL), SUM(r.ResolvedOn IS NOT NULL), SUM(r.DueOn IS NOT NULL), SUM(r.FirstAnsweredOn <= r.DueOn)
                FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId JOIN Organisations o ON o.Id = r.AddressedToOrganisationId
                WHERE {InScope} AND {held} GROUP BY r.AddressedToOrganisationId
                """, path);
            yield return Scoped($"SELECT r.AddressedToOrganisationId, m.HeldOn, r.FirstAnsweredOn, r.ResolvedOn {recommendations} AND r.AddressedToOrganisationId IS NOT NULL AND (r.FirstAnsweredOn IS NOT NULL OR r.ResolvedOn IS NOT NULL)", path);
            yield return Scoped($"SELECT COUNT(*) FROM Speeches s JOIN Meetings m ON m.Id = s.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {held}", path);
            yield return Scoped($"SELECT COUNT(DISTINCT mo.OrganisationId) FROM MeetingOrganisation mo JOIN Meetings m ON m.Id = mo.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND {held}", path);
            yield return Scoped($"SELECT r.ThemeId, t.Name, COUNT(*) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId LEFT JOIN Themes t ON t.Id = r.ThemeId WHERE {InScope} AND {held} GROUP BY r.ThemeId ORDER BY COUNT(*) DESC LIMIT 10", path);
            yield return Scoped($"SELECT r.RaisedByOrganisationId, o.Name, COUNT(*) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations o ON o.Id = r.RaisedByOrganisationId WHERE {InScope} AND {held} GROUP BY r.RaisedByOrganisationId ORDER BY COUNT(*) DESC LIMIT 10", path);
            yield return Scoped($"SELECT r.AddressedToOrganisationId, o.Name, COUNT(*) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations o ON o.Id = r.AddressedToOrganisationId WHERE {InScope} AND {held} GROUP BY r.AddressedToOrganisationId ORDER BY COUNT(*) DESC LIMIT 10", path);
            // Recurring matters: the period's raisings that belong to one, then every raising of those matters with the first one's text.
            var matters = $"SELECT COALESCE(r.RecurrenceOfId, r.Id) {recommendations} AND (r.RecurrenceOfId IS NOT NULL OR EXISTS (SELECT 1 FROM Recommendations f WHERE f.RecurrenceOfId = r.Id))";
            yield return Scoped($"""
                SELECT COALESCE(x.RecurrenceOfId, x.Id), xm.UnitId, xm.HeldOn, first.Content FROM Recommendations x JOIN Meetings xm ON xm.Id = x.MeetingId
                JOIN Recommendations first ON first.Id = COALESCE(x.RecurrenceOfId, x.Id)
                WHERE x.Id IN ({matters}) OR x.RecurrenceOfId IN ({matters})
                """, path);
            // The child units come unordered: the summary orders them in memory, in Vietnamese order (ADR 0021).
            yield return $"SELECT u.Id, u.Name, u.Path, EXISTS (SELECT 1 FROM Units c WHERE c.ParentId = u.Id AND c.MergedIntoId IS NULL) FROM Units u WHERE u.MergedIntoId IS NULL AND u.ParentId = {unit}";
            if (hasChildren)
            {
                yield return Scoped($"SELECT u.Id, u.Path FROM Units u WHERE {InScope}", path);
                yield return Scoped($"SELECT m.UnitId, COUNT(*) {meetings} GROUP BY m.UnitId", path);
                yield return Scoped($"SELECT m.UnitId, COUNT(*), SUM(r.FirstAnsweredOn IS NOT NULL), SUM(r.ResolvedOn IS NOT NULL) {recommendations} GROUP BY m.UnitId", path);
                yield return Scoped($"SELECT m.UnitId, COUNT(*) {recommendations} AND r.Status IN (1, 2, 3) AND r.DueOn IS NOT NULL AND r.DueOn < '{today}' GROUP BY m.UnitId", path);
            }
        }

        var lineage = string.Join(", ", path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return
        [
            Scoped($"SELECT u.Id, u.Name, u.Path FROM Units u WHERE {InScope} AND u.Id = {unit}", scopePath),
            "SELECT Id, Date, Kind, Name FROM CalendarDays",
            .. Period(from, to, details: true),
            .. Period(previousFrom, previousTo, details: false),
            // The trend seeks (unit, date) through the scope's unit ids, read first, as the page does.
            Scoped($"SELECT u.Id FROM Units u WHERE {InScope}", path),
            $"""
                SELECT m.HeldOn, COUNT(*), SUM(r.FirstAnsweredOn IS NOT NULL) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId
                WHERE m.UnitId IN ({unitIds}) AND m.HeldOn >= '{trendFrom}' AND m.HeldOn < '{to}' GROUP BY m.HeldOn
                """,
            UnitChoices(scopePath),
            Scoped($"SELECT u.Id, u.Name, u.Path FROM Units u WHERE {InScope} AND u.Id IN ({lineage})", scopePath),
            .. userId is null ? Array.Empty<string>() : [Unread(userId)],
        ];
    }

    /// <summary>
    /// What the summary page reads when the figures are reused (ADR 0016): the unit, the figures generation, the
    /// official report already frozen for a statutory period, and for one that has ended the units directly below with
    /// their official reports of the period (the "needs attention" block's reports not sent up), the unit choices, the
    /// trail and the notification count. <paramref name="period"/> is (kind, year, number) as stored, null for a free range.
    /// </summary>
    private static List<string> SummaryReused(string scopePath, int unit, string path, (int Kind, int Year, int Number)? period, bool ended, string? userId)
    {
        var lineage = string.Join(", ", path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var statements = new List<string>
        {
            Scoped($"SELECT u.Id, u.Name, u.Path FROM Units u WHERE {InScope} AND u.Id = {unit}", scopePath),
            "SELECT MAX(Id) FROM FigureChanges",
        };
        if (period is { } p)
        {
            if (ended)
            {
                statements.AddRange(FromBelow(unit, p));
            }

            statements.Add($"SELECT Id, Version, FrozenOn FROM Snapshots WHERE UnitId = {unit} AND PeriodKind = {p.Kind} AND PeriodYear = {p.Year} AND PeriodNumber = {p.Number} AND ReplacedAtUtc IS NULL LIMIT 1");
        }

        statements.Add(UnitChoices(scopePath));
        statements.Add(Scoped($"SELECT u.Id, u.Name, u.Path FROM Units u WHERE {InScope} AND u.Id IN ({lineage})", scopePath));
        if (userId is not null)
        {
            statements.Add(Unread(userId));
        }

        return statements;
    }

    /// <summary>The units directly below a unit and their official reports of a period, every version (ReportsFromBelow).</summary>
    private static IEnumerable<string> FromBelow(int unit, (int Kind, int Year, int Number) period)
    {
        yield return $"SELECT Id, Name FROM Units WHERE ParentId = {unit} AND MergedIntoId IS NULL";
        yield return $"""
            SELECT Id, UnitId, Version, Status, ReplacedAtUtc IS NOT NULL, SentAtUtc, SentBy, ReceivedAtUtc, ReceivedBy FROM Snapshots
            WHERE UnitId IN (SELECT Id FROM Units WHERE ParentId = {unit} AND MergedIntoId IS NULL) AND PeriodKind = {period.Kind} AND PeriodYear = {period.Year} AND PeriodNumber = {period.Number}
            """;
    }

    /// <summary>The level above's page of a period: the unit, the units below and their reports, the notification count.</summary>
    private static List<string> Received(int unit, (int Kind, int Year, int Number) period, string userId) =>
    [
        $"SELECT Id, Name, Path FROM Units WHERE Id = {unit}",
        .. FromBelow(unit, period),
        Unread(userId),
    ];

    /// <summary>
    /// The official report's DOCX: the stored report (its frozen document and overdue list), its unit with the level
    /// above, and the unit's Party committee as the issuing body. The document itself is built in memory.
    /// </summary>
    private static List<string> OfficialReportDocument(int report, int unit) =>
    [
        $"SELECT * FROM Snapshots WHERE Id = {report}",
        $"SELECT u.Name, u.Path, p.Name, p.ParentId FROM Units u LEFT JOIN Units p ON p.Id = u.ParentId WHERE u.Id = {unit}",
        $"SELECT Name FROM Organisations WHERE UnitId = {unit} AND Kind = 1 ORDER BY Id LIMIT 1",
    ];

    /// <summary>The frozen report's page: the report with its readers, its unit with the level above, the notification count.</summary>
    private static List<string> OfficialReport(int report, int unit, string userId) =>
    [
        $"SELECT * FROM Snapshots WHERE Id = {report}",
        $"SELECT * FROM SnapshotReceipt WHERE SnapshotId = {report}",
        $"SELECT u.Path, p.Name FROM Units u LEFT JOIN Units p ON p.Id = u.ParentId WHERE u.Id = {unit}",
        Unread(userId),
    ];

    private static (string From, string To) Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return (start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), start.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether a period ending on <paramref name="end"/> (last day) has ended today in Vietnam, as the portal decides it.</summary>
    private static bool Ended(DateOnly end) => end < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>
    /// The issue's pages; with <paramref name="national"/> also the summary of the whole country (country scale only);
    /// with <paramref name="officialReport"/> (the province's frozen report of the quarter) its page and its DOCX.
    /// </summary>
    public static IReadOnlyList<Scenario> For(Subjects s, bool national, int? officialReport = null)
    {
        var leader = ProvinceLeader(s);
        var tracker = $"tracker.{s.Prefix}-t1-h1";
        var recorder = $"recorder.{s.Prefix}-t1-h1-x1";
        var responder = $"responder.{s.Prefix}-t1-h1";
        var (leaderId, trackerId, recorderId, responderId) = (s.UserIds[leader], s.UserIds[tracker], s.UserIds[recorder], s.UserIds[responder]);
        var period = $"year={s.Year}&quarter={s.Quarter}";
        var quarterEnd = new DateOnly(s.Year, s.Quarter * 3, 1).AddMonths(1).AddDays(-1);
        var (quarter, quarterEnded) = ((1, s.Year, s.Quarter), Ended(quarterEnd));
        var month = (s.Quarter * 3) - 1;
        var (monthly, monthEnded) = ((5, s.Year, month), Ended(new DateOnly(s.Year, month, 1).AddMonths(1).AddDays(-1)));
        var (nineMonths, nineEnded) = ((3, s.Year, 9), Ended(new DateOnly(s.Year, 9, 30)));
        return
        [
            new("Meeting list, first page (province)", leader, "/Meetings", MeetingList(s.ProvincePath, s.Province, s.ProvincePath, null, leaderId), 50),
            new("Meeting list, filtered by a district", leader, $"/Meetings?unit={s.District}", MeetingList(s.ProvincePath, s.District, s.DistrictPath, null, leaderId), 50),
            new("Meeting list, search \"kinh phi\" (no diacritics)", leader, "/Meetings?q=kinh+phi", MeetingList(s.ProvincePath, s.Province, s.ProvincePath, "kinh phi", leaderId), 100),
            new("Meeting detail (ward recorder)", recorder, $"/Meetings/{s.Meeting}", MeetingDetail(s.Meeting, recorderId), 50),
            new("Tracker, overdue (district tracker)", tracker, "/Recommendations?overdue=true", Overdue(s.DistrictPath, s.Today, trackerId), 50),
            new("Responder queue (district)", responder, "/Recommendations/Queue", Queue(s.DistrictPath, s.ResponderOrganisation, s.Today, responderId), 50),
            // Issue 15, deliver 9: p95 at most 100 ms at one client and 300 ms at eight (province); 300 ms national, which
            // the issue gives without a number of clients: checked at one, and the eight-client figure is reported beside it.
            new("Quarterly summary (province)", leader, $"/Reports/Quarterly?unit={s.Province}&{period}", SummaryReused(s.ProvincePath, s.Province, s.ProvincePath, quarter, quarterEnded, leaderId), 100, TargetP95At8: 300),
            new("Quarterly summary (province), after each change", leader, $"/Reports/Quarterly?unit={s.Province}&{period}", Summary(s.ProvincePath, s.Province, s.ProvincePath, s.UnitIdsByPath[s.ProvincePath], true, s.Year, s.Quarter, s.Today, leaderId), null, AfterAChange: true),
            new("Monthly summary (province)", leader, $"/Reports/Quarterly?unit={s.Province}&year={s.Year}&month={month}", SummaryReused(s.ProvincePath, s.Province, s.ProvincePath, monthly, monthEnded, leaderId), 100, TargetP95At8: 300),
            new("Nine months summary (province)", leader, $"/Reports/Quarterly?unit={s.Province}&year={s.Year}&months=9", SummaryReused(s.ProvincePath, s.Province, s.ProvincePath, nineMonths, nineEnded, leaderId), 100, TargetP95At8: 300),
            new("Free range summary (province)", leader, $"/Reports/Quarterly?unit={s.Province}&from={s.Year}-02-10&to={s.Year}-05-20", SummaryReused(s.ProvincePath, s.Province, s.ProvincePath, null, false, leaderId), 100, TargetP95At8: 300),
            new("Quarterly summary (ward)", recorder, $"/Reports/Quarterly?unit={s.Ward}&{period}", SummaryReused(s.WardPath, s.Ward, s.WardPath, quarter, quarterEnded, recorderId), null),
            .. national
                ? [new Scenario("Quarterly summary (national)", $"leader.{s.Prefix}", $"/Reports/Quarterly?unit={s.Root}&{period}", SummaryReused(s.RootPath, s.Root, s.RootPath, quarter, quarterEnded, s.UserIds[$"leader.{s.Prefix}"]), 300),
                   new Scenario("Quarterly summary (national), after each change", $"leader.{s.Prefix}", $"/Reports/Quarterly?unit={s.Root}&{period}", Summary(s.RootPath, s.Root, s.RootPath, s.UnitIdsByPath[s.RootPath], true, s.Year, s.Quarter, s.Today, s.UserIds[$"leader.{s.Prefix}"]), null, AfterAChange: true)]
                : Array.Empty<Scenario>(),
            new("Quarterly summary XLSX (province)", leader, $"/Reports/Quarterly?handler=Export&format=xlsx&unit={s.Province}&{period}", SummaryReused(s.ProvincePath, s.Province, s.ProvincePath, quarter, quarterEnded, null), null, Binary: true),
            new("Dialogue plans, planned against held (province)", leader, $"/Plans/Progress?unitId={s.Province}&year={s.Year}", PlanProgress(s.ProvincePath, s.Province, s.ProvincePath, s.Year, s.Today, leaderId), 100),
            new("Our recommendations, the province Front's list (raising side)", ProvinceRaiser(s), "/Raising", OurRecommendations(s.UserIds[ProvinceRaiser(s)], s.Today), 100),
            new("Official reports received from the units below (province)", leader, $"/Reports/Received?unit={s.Province}&{period}", Received(s.Province, quarter, leaderId), null),
            .. officialReport is { } id
                ? [new Scenario("Official report, frozen (province)", leader, $"/Reports/Snapshots/{id}", OfficialReport(id, s.Province, leaderId), null),
                   new Scenario("Official report DOCX (province)", leader, $"/Reports/Snapshots/{id}/Document", OfficialReportDocument(id, s.Province), null, Binary: true)]
                : Array.Empty<Scenario>(),
        ];
    }

    /// <summary>
    /// The planned-against-held view (issue 18): the unit, the subtree's counted plan entries of the year, those held (a
    /// published meeting linked), those late on <paramref name="today"/>, the units directly below, the subtree's names,
    /// the unit choices and the notification count.
    /// </summary>
    private static List<string> PlanProgress(string scopePath, int unit, string path, int year, string today, string userId) =>
    [
        $"SELECT Id, Name, Path FROM Units WHERE Id = {unit}",
        Scoped($"SELECT p.Id, p.UnitId, u.Path, p.EndsOn, p.PeriodKind, p.PeriodNumber, p.Topic FROM PlannedDialogues p JOIN Units u ON u.Id = p.UnitId WHERE {InScope} AND p.Year = {year} AND p.CancelledOn IS NULL", path),
        Scoped($"SELECT p.Id FROM PlannedDialogues p JOIN Units u ON u.Id = p.UnitId JOIN Meetings m ON m.Id = p.MeetingId WHERE {InScope} AND p.Year = {year} AND m.Status = 2", path),
        Scoped($"SELECT p.Id FROM PlannedDialogues p JOIN Units u ON u.Id = p.UnitId LEFT JOIN Meetings m ON m.Id = p.MeetingId WHERE {InScope} AND p.Year = {year} AND p.CancelledOn IS NULL AND p.EndsOn < '{today}' AND NOT (m.Id IS NOT NULL AND m.Status = 2)", path),
        $"SELECT u.Id, u.Name, u.Path, EXISTS (SELECT 1 FROM Units c WHERE c.ParentId = u.Id AND c.MergedIntoId IS NULL) FROM Units u WHERE u.ParentId = {unit} AND u.MergedIntoId IS NULL",
        Scoped($"SELECT u.Id, u.Name FROM Units u WHERE {InScope}", path),
        UnitChoices(scopePath),
        Unread(userId),
    ];

    /// <summary>The province Front's raising-side account (ADR 0026), the data generator's "raiser" of the province.</summary>
    public static string ProvinceRaiser(Subjects s) => $"raiser.{s.Prefix}-t1";

    /// <summary>
    /// "Our recommendations" (issue 18): the body's name, its counts (all, open, overdue, behind their roadmap) and the first
    /// page, most urgent first, of the recommendations it raised in published records, read by the body, not the tree.
    /// </summary>
    private static List<string> OurRecommendations(string userId, string today)
    {
        var body = $"(SELECT au.OrganisationId FROM AspNetUsers au WHERE au.Id = '{userId}')";
        var raised = $"FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId WHERE r.RaisedByOrganisationId = {body} AND m.Status = 2";
        return
        [
            $"SELECT og.Name FROM Organisations og WHERE og.Id = {body}",
            $"SELECT COUNT(*) {raised}",
            $"SELECT COUNT(*) {raised} AND r.Status IN (1, 2, 3, 4)",
            $"SELECT COUNT(*) {raised} AND r.Status IN (1, 2, 3) AND r.DueOn < '{today}'",
            $"SELECT COUNT(*) {raised} AND r.Status IN (1, 2, 3, 4) AND EXISTS (SELECT 1 FROM Roadmaps rm WHERE rm.RecommendationId = r.Id AND (rm.PlannedResolutionOn < '{today}' OR EXISTS (SELECT 1 FROM RoadmapMilestones ms WHERE ms.RoadmapId = rm.Id AND ms.DoneOn IS NULL AND ms.DueOn < '{today}')))",
            $"SELECT r.Id, r.Content, r.Status, r.DueOn, m.Title, m.HeldOn, u.Name, o.Name, (SELECT MAX(x.RespondedOn) FROM Responses x WHERE x.RecommendationId = r.Id) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations o ON o.Id = r.AddressedToOrganisationId WHERE r.RaisedByOrganisationId = {body} AND m.Status = 2 ORDER BY CASE WHEN r.Status IN (1, 2, 3) AND r.DueOn < '{today}' THEN 0 WHEN r.Status IN (1, 2, 3, 4) THEN 2 ELSE 3 END, r.DueOn IS NULL, r.DueOn, m.HeldOn DESC, r.Id LIMIT 25",
            Unread(userId),
        ];
    }

    /// <summary>The province leader's account name, who freezes the report the official-report rows open.</summary>
    public static string ProvinceLeader(Subjects s) => $"leader.{s.Prefix}-t1";
}
