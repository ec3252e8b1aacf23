namespace MeetingPortal.Benchmarks;

/// <summary>A page as a user opens it, with the SQL it cannot do without (the floor) and its target, if the issue sets one.</summary>
public sealed record Scenario(string Name, string User, string Url, IReadOnlyList<string> RawSql, double? TargetP95, bool Binary = false);

/// <summary>The ids the scenarios need, read from the generated database.</summary>
public sealed record Subjects(string ProvincePath, string DistrictPath, string WardPath, int Province, int District, int Ward, int Meeting, int ResponderOrganisation, string Prefix, int Year, int Quarter, string Today);

public static class Scenarios
{
    private const string InScope = "u.Path >= $lo AND u.Path < $hi";

    /// <summary>The scope as two literals: the planner sees the range as it sees EF's parameters (a CTE hid it and cost a full scan).</summary>
    private static string Scoped(string sql, string path) =>
        sql.Replace("$lo", $"'{path}'", StringComparison.Ordinal).Replace("$hi", $"'{path[..^1]}0'", StringComparison.Ordinal);

    /// <summary>What the meeting list must read: the count, one page of rows with their recommendation counts, and the filter choices.</summary>
    private static IReadOnlyList<string> MeetingList(string path, string? search) =>
    [
        Scoped($"SELECT COUNT(*) FROM Meetings m JOIN Units u ON u.Id = m.UnitId {Search(search)} WHERE {InScope} {SearchWhere(search)}", path),
        Scoped($"""
            SELECT m.Id, m.HeldOn, m.Title, u.Name, m.Type, m.Format, m.Status, (SELECT COUNT(*) FROM Recommendations r WHERE r.MeetingId = m.Id)
            FROM Meetings m JOIN Units u ON u.Id = m.UnitId {Search(search)} WHERE {InScope} {SearchWhere(search)}
            ORDER BY m.HeldOn DESC, m.Id DESC LIMIT 20
            """, path),
        Scoped($"SELECT u.Id, u.Name, u.Path FROM Units u WHERE {InScope} ORDER BY u.Path", path),
        Scoped($"SELECT o.Id, o.Name FROM Organisations o JOIN Units u ON u.Id = o.UnitId WHERE {InScope} ORDER BY o.Name", path),
    ];

    private static string Search(string? terms) => terms is null ? string.Empty : "JOIN MeetingSearch ms ON ms.MeetingId = m.Id";

    private static string SearchWhere(string? terms) =>
        terms is null ? string.Empty : string.Concat(terms.Split(' ').Select(t => $" AND instr(ms.Text, ' {t}') > 0"));

    private static IReadOnlyList<string> MeetingDetail(int meeting) =>
    [
        $"SELECT m.*, u.Name, o.Name FROM Meetings m JOIN Units u ON u.Id = m.UnitId LEFT JOIN Organisations o ON o.Id = m.HostOrganisationId WHERE m.Id = {meeting}",
        $"SELECT p.*, pe.FullName, o.Name FROM MeetingParticipants p JOIN People pe ON pe.Id = p.PersonId LEFT JOIN Organisations o ON o.Id = p.OrganisationId WHERE p.MeetingId = {meeting}",
        $"SELECT s.*, pe.FullName, o.Name FROM Speeches s LEFT JOIN People pe ON pe.Id = s.SpeakerId LEFT JOIN Organisations o ON o.Id = s.OrganisationId WHERE s.MeetingId = {meeting} ORDER BY s.\"Order\"",
        $"""
            SELECT r.*, ra.Name, ad.Name, t.Name FROM Recommendations r LEFT JOIN Organisations ra ON ra.Id = r.RaisedByOrganisationId
            LEFT JOIN Organisations ad ON ad.Id = r.AddressedToOrganisationId LEFT JOIN Themes t ON t.Id = r.ThemeId WHERE r.MeetingId = {meeting} ORDER BY r."Order"
            """,
        $"SELECT x.* FROM Responses x JOIN Recommendations r ON r.Id = x.RecommendationId WHERE r.MeetingId = {meeting} ORDER BY x.RespondedOn",
        $"SELECT d.*, a.OrganisationId FROM Directives d LEFT JOIN DirectiveAssignee a ON a.DirectiveId = d.Id WHERE d.MeetingId = {meeting} ORDER BY d.\"Order\"",
        $"SELECT * FROM Attachments WHERE MeetingId = {meeting}",
        $"SELECT * FROM History WHERE EntityType = 'Meeting' AND EntityId = {meeting} ORDER BY AtUtc",
    ];

    private static IReadOnlyList<string> Overdue(string path, string today) =>
    [
        Scoped($"SELECT COUNT(*) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND r.Status IN (1, 2, 3) AND r.DueOn < '{today}'", path),
        Scoped($"""
            SELECT r.Id, r.Content, r.Status, r.DueOn, m.HeldOn, u.Name, ra.Name, ad.Name FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId
            LEFT JOIN Organisations ra ON ra.Id = r.RaisedByOrganisationId LEFT JOIN Organisations ad ON ad.Id = r.AddressedToOrganisationId
            WHERE {InScope} AND r.Status IN (1, 2, 3) AND r.DueOn < '{today}' ORDER BY r.DueOn, r.Id LIMIT 25
            """, path),
        Scoped($"SELECT r.Status, COUNT(*) FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} GROUP BY r.Status", path),
    ];

    private static IReadOnlyList<string> Queue(int organisation) =>
    [
        $"""
            SELECT r.Id, r.Content, r.Status, r.DueOn, m.HeldOn, m.Title FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId
            WHERE r.AddressedToOrganisationId = {organisation} AND r.Status IN (2, 3) ORDER BY r.DueOn, r.Id LIMIT 50
            """,
        $"SELECT COUNT(*) FROM Recommendations r WHERE r.AddressedToOrganisationId = {organisation} AND r.Status IN (2, 3)",
    ];

    /// <summary>The figures of a summary for one period and the one before, grouped in SQL as the page does, and the date pairs its medians need.</summary>
    private static List<string> Summary(string path, int year, int quarter, string today)
    {
        var (from, to) = Quarter(year, quarter);
        var (previousFrom, previousTo) = quarter == 1 ? Quarter(year - 1, 4) : Quarter(year, quarter - 1);
        IEnumerable<string> Period(string start, string end)
        {
            var meetings = $"FROM Meetings m JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND m.HeldOn >= '{start}' AND m.HeldOn < '{end}'";
            var recommendations = $"FROM Recommendations r JOIN Meetings m ON m.Id = r.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND m.HeldOn >= '{start}' AND m.HeldOn < '{end}'";
            yield return Scoped($"SELECT m.Type, COUNT(*) {meetings} GROUP BY m.Type", path);
            yield return Scoped($"SELECT COUNT(*) FROM Speeches s JOIN Meetings m ON m.Id = s.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND m.HeldOn >= '{start}' AND m.HeldOn < '{end}'", path);
            yield return Scoped($"""
                SELECT COUNT(*), COUNT(DISTINCT COALESCE(r.RecurrenceOfId, r.Id)), SUM(r.FirstAnsweredOn IS NOT NULL), SUM(r.ResolvedOn IS NOT NULL),
                SUM(r.Status IN (1, 2, 3) AND r.DueOn < '{today}') {recommendations}
                """, path);
            yield return Scoped($"SELECT m.UnitId, COUNT(*), SUM(r.FirstAnsweredOn IS NOT NULL), SUM(r.ResolvedOn IS NOT NULL) {recommendations} GROUP BY m.UnitId", path);
            yield return Scoped($"SELECT r.ThemeId, COUNT(*) {recommendations} GROUP BY r.ThemeId", path);
            yield return Scoped($"SELECT r.RaisedByOrganisationId, COUNT(*) {recommendations} GROUP BY r.RaisedByOrganisationId", path);
            yield return Scoped($"SELECT r.AddressedToOrganisationId, COUNT(*), SUM(r.FirstAnsweredOn IS NOT NULL) {recommendations} GROUP BY r.AddressedToOrganisationId", path);
            yield return Scoped($"SELECT m.HeldOn, r.FirstAnsweredOn, r.ResolvedOn, r.DueOn {recommendations} AND r.FirstAnsweredOn IS NOT NULL", path);
            yield return Scoped($"SELECT d.Status, COUNT(*) FROM Directives d JOIN Meetings m ON m.Id = d.MeetingId JOIN Units u ON u.Id = m.UnitId WHERE {InScope} AND m.HeldOn >= '{start}' AND m.HeldOn < '{end}' GROUP BY d.Status", path);
        }

        return Period(from, to).Concat(Period(previousFrom, previousTo)).ToList();
    }

    private static (string From, string To) Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return (start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), start.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static IReadOnlyList<Scenario> For(Subjects s)
    {
        var leader = $"leader.{s.Prefix}-t1";
        var tracker = $"tracker.{s.Prefix}-t1-h1";
        var recorder = $"recorder.{s.Prefix}-t1-h1-x1";
        var responder = $"responder.{s.Prefix}-t1-h1";
        var period = $"year={s.Year}&quarter={s.Quarter}";
        return
        [
            new("Meeting list, first page (province)", leader, "/Meetings", MeetingList(s.ProvincePath, null), 50),
            new("Meeting list, filtered by a district", leader, $"/Meetings?unit={s.District}", MeetingList(s.DistrictPath, null), 50),
            new("Meeting list, search \"kinh phi\" (no diacritics)", leader, "/Meetings?q=kinh+phi", MeetingList(s.ProvincePath, "kinh phi"), 100),
            new("Meeting detail (ward recorder)", recorder, $"/Meetings/{s.Meeting}", MeetingDetail(s.Meeting), 50),
            new("Tracker, overdue (district tracker)", tracker, "/Recommendations?overdue=true", Overdue(s.DistrictPath, s.Today), 50),
            new("Responder queue (district)", responder, "/Recommendations/Queue", Queue(s.ResponderOrganisation), 50),
            new("Quarterly summary (province)", leader, $"/Reports/Quarterly?unit={s.Province}&{period}", Summary(s.ProvincePath, s.Year, s.Quarter, s.Today), 250),
            new("Quarterly summary (ward)", recorder, $"/Reports/Quarterly?unit={s.Ward}&{period}", Summary(s.WardPath, s.Year, s.Quarter, s.Today), null),
            new("Quarterly summary XLSX (province)", leader, $"/Reports/Quarterly?handler=Export&format=xlsx&unit={s.Province}&{period}", Summary(s.ProvincePath, s.Year, s.Quarter, s.Today), null, Binary: true),
        ];
    }
}
