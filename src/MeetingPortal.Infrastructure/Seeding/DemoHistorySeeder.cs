using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// A demo history for the demo units (issue 17, deliver 7; ADR 0024): about a meeting a month for the last twelve
/// months up to today at Hà Tĩnh, Thành phố Hà Tĩnh, Kỳ Anh, Kỳ Phương and Trần Phú, each with speeches, two to four
/// recommendations followed to every state (new, assigned, forwarded, in progress, answered, resolved, closed,
/// declined, reopened, overdue, due soon), a conclusion's tasks, and a draft for each unit's recorder; so that a first
/// start in Development shows real figures on every home, the summary's default period and the queues.
/// Every record is made through the domain's own methods (publish, assign with the due-date rules, forward, respond,
/// reopen, judge, task progress) as the use cases call them, acting as the unit's demo accounts, dated relative to
/// today (Vietnam date, from the injected <see cref="TimeProvider"/> through <see cref="CalendarService"/>), from a
/// fixed random seed. Each meeting's <see cref="Meeting.Source"/> is <see cref="Source"/>, which says where a user
/// reads the record's source that it is not a real one, and which is also the marker that makes it run once.
/// Switched on by <c>Seeding:DemoData:History</c> (with demo data on); run after the seeds and demo accounts.
/// </summary>
public sealed class DemoHistorySeeder(
    MeetingPortalDbContext db, CalendarService calendar, AuditTrail audit, TimeProvider timeProvider, ILogger<DemoHistorySeeder> logger)
{
    /// <summary>
    /// The source every demo meeting carries (its "Nguồn" row): says the record is an illustration, and marks the
    /// demo history so a second start adds nothing (<see cref="IsSeededAsync"/>). Stored data, as a seed's source is.
    /// </summary>
    public const string Source = "Dữ liệu minh họa, không phải hồ sơ thật (lịch sử mẫu của môi trường phát triển)";

    /// <summary>The fixed seed of the random choices: the same day gives the same history.</summary>
    public const int RandomSeed = 17;

    /// <summary>How many months back the history starts (one meeting a month per unit, the current month included).</summary>
    public const int Months = 12;

    /// <summary>
    /// The unit whose meetings of the current quarter are left out, so that "units without a meeting this period" on
    /// its leader's home (Kỳ Anh's, whose only ward it is) and on the summary shows one.
    /// </summary>
    public const string UnitWithoutMeetingThisQuarter = "p-ky-phuong";

    private sealed record UnitPlan(string Code, string Slug, string Place, string Committee, string Front, string PeoplesCommittee, string[] Unions, int Day);

    /// <summary>The demo units that hold meetings, parents first (a forward goes to a body of the unit above).</summary>
    private static readonly UnitPlan[] Plans =
    [
        new("ha-tinh", "hatinh", "tỉnh Hà Tĩnh", "Tỉnh ủy Hà Tĩnh", "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh",
            ["Hội Nông dân tỉnh Hà Tĩnh", "Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh", "Tỉnh Đoàn Hà Tĩnh", "Hội Cựu chiến binh tỉnh Hà Tĩnh"], 20),
        new("tp-ha-tinh", "tphatinh", "thành phố Hà Tĩnh", "Thành ủy Hà Tĩnh", "Ủy ban MTTQ thành phố Hà Tĩnh", "Ủy ban nhân dân thành phố Hà Tĩnh",
            ["Hội Nông dân thành phố Hà Tĩnh", "Hội Liên hiệp Phụ nữ thành phố Hà Tĩnh", "Thành Đoàn Hà Tĩnh", "Hội Cựu chiến binh thành phố Hà Tĩnh"], 16),
        new("tx-ky-anh", "kyanh", "thị xã Kỳ Anh", "Thị ủy Kỳ Anh", "Ủy ban MTTQ thị xã Kỳ Anh", "Ủy ban nhân dân thị xã Kỳ Anh",
            ["Hội Nông dân thị xã Kỳ Anh", "Hội Liên hiệp Phụ nữ thị xã Kỳ Anh", "Thị Đoàn Kỳ Anh", "Hội Cựu chiến binh thị xã Kỳ Anh"], 14),
        new("p-ky-phuong", "kyphuong", "phường Kỳ Phương", "Đảng ủy phường Kỳ Phương", "Ủy ban MTTQ phường Kỳ Phương", "Ủy ban nhân dân phường Kỳ Phương",
            ["Hội Nông dân phường Kỳ Phương", "Hội Liên hiệp Phụ nữ phường Kỳ Phương", "Đoàn Thanh niên phường Kỳ Phương", "Hội Cựu chiến binh phường Kỳ Phương"], 8),
        new("p-tran-phu", "tranphu", "phường Trần Phú", "Đảng ủy phường Trần Phú", "Ủy ban MTTQ phường Trần Phú", "Ủy ban nhân dân phường Trần Phú",
            ["Hội Nông dân phường Trần Phú", "Hội Liên hiệp Phụ nữ phường Trần Phú", "Đoàn Thanh niên phường Trần Phú", "Hội Cựu chiến binh phường Trần Phú"], 10),
    ];

    /// <summary>What happens to a recommendation after its meeting; which ones a meeting gets depends on its age.</summary>
    private enum Fate
    {
        New,
        DueSoon,
        Assigned,
        Forwarded,
        Overdue,
        InProgressOverdue,
        Accepted,
        Reopened,
        AnsweredAtMeeting,
        Explained,
        Resolved,
        Closed,
        Declined,
    }

    // A unit's latest meeting: one item for the tracker to give out, one due within days, one sent up, one answered there.
    /// <summary>How many unresolved earlier recommendations each unit's demo draft reports on: enough to show, few enough to read.</summary>
    private const int CarriedOverLines = 8;

    private static readonly Fate[] Latest = [Fate.DueSoon, Fate.New, Fate.Forwarded, Fate.AnsweredAtMeeting];

    // The last two months: still being given out and answered.
    private static readonly Fate[] Recent = [Fate.New, Fate.DueSoon, Fate.Assigned, Fate.Forwarded, Fate.AnsweredAtMeeting, Fate.New, Fate.Overdue];

    // Two to four months old: the overdue, the reopened and the first answers.
    private static readonly Fate[] Middle = [Fate.Overdue, Fate.Accepted, Fate.InProgressOverdue, Fate.Reopened, Fate.Explained, Fate.Forwarded, Fate.Resolved];

    // Older: mostly settled, a few still waiting.
    private static readonly Fate[] Old = [Fate.Resolved, Fate.Closed, Fate.Explained, Fate.AnsweredAtMeeting, Fate.Declined, Fate.Accepted, Fate.Overdue, Fate.Closed, Fate.Reopened];

    private sealed record Bodies(int UnitId, int Committee, int Front, int PeoplesCommittee, int Responder, IReadOnlyList<(int Id, string Name)> Raisers, int LevelRank);

    /// <summary>Whether the demo history is already in the database (a meeting carries <see cref="Source"/>).</summary>
    public Task<bool> IsSeededAsync(CancellationToken cancellationToken = default) =>
        db.Meetings.AnyAsync(m => m.Source == Source, cancellationToken);

    /// <summary>
    /// Writes the history once; returns how many meetings it wrote (0 when it was there already, or when the demo units
    /// are missing). Needs the seeds' units and the demo accounts (the actors of each step are the unit's demo accounts).
    /// A responder account of a demo unit that answers for no body (the seeds know none at Hà Tĩnh and Trần Phú) is
    /// given the unit's Party committee, as an administrator would, so each demo responder has a queue.
    /// </summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await IsSeededAsync(cancellationToken))
        {
            return 0;
        }

        var today = calendar.Today;
        var working = await calendar.CalendarAsync(cancellationToken);
        var policy = await calendar.PolicyAsync(cancellationToken);
        var themes = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        var random = new Random(RandomSeed);
        var text = new DemoText(random);
        var bodiesOf = new Dictionary<string, Bodies>();
        if (await CentralBodyAsync(cancellationToken) is { } central)
        {
            bodiesOf[CountryCode] = central;
        }

        var written = 0;
        foreach (var plan in Plans)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Code == plan.Code)
                .Select(u => new { u.Id, u.Name, u.Level!.Rank, ParentCode = u.Parent!.Code }).SingleOrDefaultAsync(cancellationToken);
            if (unit is null)
            {
                logger.LogWarning("Demo unit {UnitCode} is missing; it gets no demo history", plan.Code);
                continue;
            }

            var bodies = await BodiesAsync(plan, unit.Id, unit.Rank, cancellationToken);
            bodiesOf[plan.Code] = bodies;
            var above = unit.ParentCode is { } parentCode && bodiesOf.TryGetValue(parentCode, out var parent) ? parent : null;
            var meetings = new List<Meeting>();
            var recurrences = new List<(Recommendation Again, Recommendation First, DateOnly FirstOn, DateOnly AgainOn)>();
            var fateIndex = 0;
            var days = Enumerable.Range(0, Months).Reverse()
                .Select(back => today.AddMonths(-back))
                .Select(month => FirstWorkingDayFrom(new DateOnly(month.Year, month.Month, Math.Min(plan.Day, DateTime.DaysInMonth(month.Year, month.Month))), working))
                .Where(heldOn => heldOn < today && !(plan.Code == UnitWithoutMeetingThisQuarter && ReviewPeriod.QuarterOf(heldOn) == ReviewPeriod.QuarterOf(today)))
                .ToList();
            foreach (var heldOn in days)
            {

                // Recorded as the meeting went: the Front's report, the opinions and recommendations, the answer and the
                // conclusion; published the day after, and only then followed up (ADR 0012).
                var meeting = NewMeeting(plan, bodies, heldOn);
                meeting.AddSpeech(SpeechKind.Opinion, text.Opinion(), null, "Đại diện", text.Pick(bodies.Raisers).Id);
                var raised = Enumerable.Range(0, random.Next(2, 5)).Select(i => Raise(meeting, bodies, themes, text, random, i)).ToList();
                // The latest dialogue raises again, in words of its own, the longest-standing matter still open (issue 18,
                // deliver 2: the agenda and the carry-over show a recurring matter once, with how often and since when).
                if (heldOn == days[^1] && meetings.SelectMany(m => m.Recommendations.Select(r => (Meeting: m, Recommendation: r)))
                        .FirstOrDefault(x => RecommendationStatuses.Open.Contains(x.Recommendation.Status)) is { Recommendation: { } standing } first)
                {
                    var speech = meeting.AddSpeech(SpeechKind.Recommendation, text.Opinion(), null, "Đại diện", standing.RaisedByOrganisationId);
                    var again = meeting.RaiseRecommendation(speech, "Tiếp tục đề nghị: " + standing.Content, standing.RaisedByOrganisationId, null);
                    again.ThemeId = standing.ThemeId;
                    raised.Add(again);
                    recurrences.Add((again, standing, first.Meeting.HeldOn, heldOn));
                }

                meeting.AddSpeech(SpeechKind.Answer, DemoText.MeetingAnswer(), null, "Bí thư", bodies.Committee);
                meeting.AddSpeech(SpeechKind.Conclusion, DemoText.Conclusion(plan.Place), null, "Bí thư", bodies.Committee);
                meeting.Conclusion = DemoText.Conclusion(plan.Place);
                meeting.StatedOpinionCount = random.Next(6, 15);
                meeting.Publish(At(heldOn.AddDays(1), 16));

                var age = today.DayNumber - heldOn.DayNumber;
                var fates = age <= 60 ? Recent : age <= 130 ? Middle : Old;
                foreach (var (recommendation, i) in raised.Select((r, i) => (r, i)))
                {
                    var fate = heldOn == days[^1] ? Latest[i % Latest.Length] : fates[fateIndex++ % fates.Length];
                    Follow(recommendation, fate, plan, bodies, above, heldOn, today, working, policy, text);
                }

                AddConclusion(meeting, plan, bodies, heldOn, today, working, random);
                meeting.RefreshSearchText();
                db.Meetings.Add(meeting);
                meetings.Add(meeting);
            }

            // A draft the unit's recorder finishes: held a few days ago, with its host and speeches, not yet published.
            var draftOn = PreviousWorkingDay(today.AddDays(-2), working);
            var draft = Draft(plan, bodies, draftOn, text);
            db.Meetings.Add(draft);
            meetings.Add(draft);

            await db.SaveChangesAsync(cancellationToken);
            // Linked once both have ids, as a recorder links them on the recommendation's page.
            foreach (var (again, first, firstOn, againOn) in recurrences)
            {
                again.LinkAsRecurrenceOf(first, firstOn, againOn);
            }

            // The draft reports first on what the unit's earlier dialogues left unresolved (issue 18, deliver 6), as its form
            // offers it: one line per matter (its latest open raising, how often and since when), the longest-standing first.
            // Only meetings held before the draft: this month's dialogue may fall after the draft's day.
            var raisings = meetings.Where(m => m.Status == MeetingStatus.Published && m.HeldOn < draft.HeldOn).SelectMany(m => m.Recommendations.Select(r => (Meeting: m, Recommendation: r))).ToList();
            draft.ReportCarriedOver(raisings.GroupBy(x => x.Recommendation.RecurrenceOfId ?? x.Recommendation.Id)
                .Where(g => g.Any(x => RecommendationStatuses.Open.Contains(x.Recommendation.Status)))
                .Select(g =>
                {
                    var latest = g.Where(x => RecommendationStatuses.Open.Contains(x.Recommendation.Status)).MaxBy(x => (x.Meeting.HeldOn, x.Recommendation.Id));
                    var since = g.Min(x => x.Meeting.HeldOn);
                    return new CarriedOverReport(latest.Recommendation.Id, latest.Meeting.UnitId, latest.Meeting.HeldOn, true, latest.Recommendation.Status, g.Count(), since);
                })
                .OrderBy(r => r.FirstRaisedOn).ThenBy(r => r.RecommendationId).Take(CarriedOverLines).ToList());
            foreach (var meeting in meetings)
            {
                audit.Record(nameof(Meeting), meeting.Id, HistoryAction.Created, Source, unitId: unit.Id, version: meeting.Version);
            }

            await db.SaveChangesAsync(cancellationToken);
            await WritePlanAsync(plan, bodies, meetings, today, cancellationToken);
            await WritePublicResultsAsync(plan, bodies, meetings, today, cancellationToken);
            db.AnswerTemplates.AddRange(AnswerTemplates(plan, unit.Id));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            written += meetings.Count;
        }

        logger.LogInformation("Wrote the demo history: {Count} meetings", written);
        return written;
    }

    /// <summary>
    /// A unit's answer templates (ADR 0025 section 4), in the voice of the seeds' answers: the Hà Tĩnh city answer of
    /// 16/3/2022 ("BTV Thành ủy tiếp thu và tiếp tục tìm các phương án giải quyết"), a hand-over to the People's Committee as
    /// the district conclusion of 15/8/2022 gives, an explanation, and a report to the level above.
    /// </summary>
    private static IEnumerable<AnswerTemplate> AnswerTemplates(UnitPlan plan, int unitId) =>
    [
        new(unitId, "Tiếp thu, tiếp tục tìm phương án", $"Ban Thường vụ {plan.Committee} tiếp thu và tiếp tục tìm các phương án giải quyết."),
        new(unitId, "Giao Ủy ban nhân dân giải quyết",
            $"Thường trực {plan.Committee} tiếp thu, giao {plan.PeoplesCommittee} chỉ đạo các cơ quan chuyên môn rà soát, giải quyết theo thẩm quyền và báo cáo kết quả với Thường trực cấp ủy."),
        new(unitId, "Giải trình theo quy định",
            $"Nội dung kiến nghị đã được thực hiện theo đúng quy định hiện hành. Đề nghị {plan.Front} và các đoàn thể tuyên truyền để đoàn viên, hội viên và nhân dân hiểu, đồng thuận."),
        new(unitId, "Báo cáo cấp trên xem xét",
            $"Nội dung kiến nghị vượt thẩm quyền của {plan.Place}. {plan.Committee} đã tổng hợp, báo cáo cấp trên xem xét, giải quyết và sẽ thông tin kết quả đến Mặt trận, các đoàn thể khi có ý kiến trả lời."),
    ];

    /// <summary>The unit whose plan leaves a past quarter's dialogue without its meeting, so a late one shows (issue 18).</summary>
    public const string UnitWithLateDialogue = "p-tran-phu";

    /// <summary>The unit that takes one planned dialogue off its plan with a reason.</summary>
    public const string UnitWithCancelledDialogue = "tp-ha-tinh";

    private static readonly string[] PlannedTopics =
    [
        "Đối thoại với đoàn viên, hội viên và Nhân dân về xây dựng nông thôn mới, đô thị văn minh",
        "Đối thoại về công tác giải phóng mặt bằng và bồi thường, hỗ trợ tái định cư",
        "Đối thoại với thanh niên, phụ nữ về việc làm, khởi nghiệp và an sinh xã hội",
        "Đối thoại về cải cách hành chính và kết quả giải quyết kiến nghị của cử tri, Nhân dân",
    ];

    /// <summary>
    /// The unit's dialogue plan of this year (issue 18, deliver 1): a dialogue a quarter with the Front and the unions,
    /// each linked to the first published meeting of its quarter, except a past quarter of
    /// <see cref="UnitWithLateDialogue"/> (late) and, unheld, this quarter of <see cref="UnitWithoutMeetingThisQuarter"/>;
    /// <see cref="UnitWithCancelledDialogue"/> also takes a month's dialogue off the plan with a reason.
    /// </summary>
    private async Task WritePlanAsync(UnitPlan plan, Bodies bodies, List<Meeting> meetings, DateOnly today, CancellationToken cancellationToken)
    {
        var thisQuarter = ReviewPeriod.QuarterOf(today).Number;
        var entries = new List<PlannedDialogue>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var period = new ReviewPeriod(PeriodKind.Quarter, today.Year, quarter);
            var entry = new PlannedDialogue(bodies.UnitId, period, PlannedTopics[quarter - 1]);
            entry.Change(period, entry.Topic, bodies.Committee, quarter % 2 == 0 ? MeetingFormat.Hybrid : MeetingFormat.InPerson, quarter == 1,
                bodies.Raisers.Select(r => r.Id).Prepend(bodies.Front));
            var late = plan.Code == UnitWithLateDialogue && quarter == thisQuarter - 1;
            var held = meetings.Where(m => m.Status == MeetingStatus.Published && period.Contains(m.HeldOn)).OrderBy(m => m.HeldOn).FirstOrDefault();
            if (held is not null && !late)
            {
                entry.LinkMeeting(held);
            }

            entries.Add(entry);
        }

        if (plan.Code == UnitWithCancelledDialogue)
        {
            var month = new ReviewPeriod(PeriodKind.Month, today.Year, Math.Max(1, today.Month - 2));
            var cancelled = new PlannedDialogue(bodies.UnitId, month, "Đối thoại chuyên đề về quản lý trật tự đô thị");
            cancelled.Change(month, cancelled.Topic, bodies.Committee, MeetingFormat.InPerson, true, [bodies.Front]);
            cancelled.Cancel("Gộp vào hội nghị đối thoại của quý theo chỉ đạo của Ban Thường vụ", today);
            entries.Add(cancelled);
        }

        if (UnitsGathering.Contains(plan.Code))
        {
            var (next, gathered) = Gather(bodies, entries[thisQuarter - 1], today);
            entries.Add(next);
            db.GatheredRecommendations.AddRange(gathered);
        }

        db.PlannedDialogues.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in entries)
        {
            audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Created, Source, unitId: bodies.UnitId);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The units whose Front and unions gather recommendations before their dialogues in the demo (ADR 0026).</summary>
    public static readonly IReadOnlySet<string> UnitsGathering = new HashSet<string> { "tp-ha-tinh", "p-ky-phuong" };

    private static readonly string[] GatheredTexts =
    [
        "Đề nghị sớm sửa chữa tuyến đường liên tổ dân phố bị xuống cấp, mùa mưa thường xuyên ngập úng, đi lại khó khăn.",
        "Đề nghị quan tâm hỗ trợ vốn vay ưu đãi cho hội viên phụ nữ phát triển kinh tế hộ gia đình.",
        "Đề nghị tổ chức các lớp đào tạo nghề ngắn hạn gắn với nhu cầu tuyển dụng của doanh nghiệp cho đoàn viên thanh niên.",
        "Đề nghị có phương án thu gom, xử lý rác thải sinh hoạt ở các khu dân cư mới, tránh tồn đọng gây ô nhiễm.",
        "Đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã đủ điều kiện.",
    ];

    /// <summary>
    /// The raising side's share of the demo (issue 18, deliver 2): for this quarter's held dialogue, what the Front and the
    /// unions sent before it, one linked to the recommendation raised at the meeting and two not raised; and the first
    /// dialogue of next year's plan, still gathering, with two sent and one already on its agenda. Returns that entry.
    /// </summary>
    private static (PlannedDialogue Next, List<GatheredRecommendation> Gathered) Gather(Bodies bodies, PlannedDialogue thisQuarter, DateOnly today)
    {
        var gathered = new List<GatheredRecommendation>();
        var submittedOn = today.AddDays(-40);
        if (thisQuarter.Meeting is { } held)
        {
            // Sent while the dialogue was still ahead: the link to the held meeting comes after, as it did in the unit.
            thisQuarter.UnlinkMeeting();
            var raised = held.Recommendations.OrderBy(r => r.Order).First();
            var first = new GatheredRecommendation(thisQuarter, raised.Content, raised.RaisedByOrganisationId ?? bodies.Front, submittedOn);
            gathered.Add(first);
            gathered.Add(new GatheredRecommendation(thisQuarter, GatheredTexts[1], bodies.Raisers[Math.Min(2, bodies.Raisers.Count - 1)].Id, submittedOn));
            gathered.Add(new GatheredRecommendation(thisQuarter, GatheredTexts[2], bodies.Raisers[^1].Id, submittedOn) { AddressedToOrganisationId = bodies.PeoplesCommittee });
            thisQuarter.LinkMeeting(held);
            first.LinkRaised(raised);
        }

        var period = new ReviewPeriod(PeriodKind.Quarter, today.Year + 1, 1);
        var next = new PlannedDialogue(bodies.UnitId, period, "Đối thoại đầu năm về kết quả giải quyết kiến nghị và những vấn đề Nhân dân quan tâm");
        next.Change(period, next.Topic, bodies.Committee, MeetingFormat.InPerson, true, bodies.Raisers.Select(r => r.Id));
        var onAgenda = new GatheredRecommendation(next, GatheredTexts[0], bodies.Front, today.AddDays(-3)) { AddressedToOrganisationId = bodies.PeoplesCommittee };
        onAgenda.PutOnAgenda(true);
        gathered.Add(onAgenda);
        gathered.Add(new GatheredRecommendation(next, GatheredTexts[3], bodies.Raisers[1 % bodies.Raisers.Count].Id, today.AddDays(-2)));
        gathered.Add(new GatheredRecommendation(next, GatheredTexts[4], bodies.Front, today.AddDays(-1)));
        return (next, gathered);
    }

    /// <summary>The unit whose latest dialogue with a roadmap has its results published to the public page (issue 18, deliver 5).</summary>
    public const string UnitWithPublicResults = "p-ky-phuong";

    /// <summary>
    /// For <see cref="UnitWithPublicResults"/>: the results of its latest published dialogue that has an item on a roadmap,
    /// published with every other item marked public (the roadmap's among them), as its recorder would, so the public page
    /// shows on first start beside items kept off it (ADR 0025 section 5).
    /// </summary>
    private async Task WritePublicResultsAsync(UnitPlan plan, Bodies bodies, List<Meeting> meetings, DateOnly today, CancellationToken cancellationToken)
    {
        if (plan.Code != UnitWithPublicResults)
        {
            return;
        }

        var meeting = meetings.Where(m => m.Status == MeetingStatus.Published && m.Recommendations.Any(r => r.Roadmap is not null)).MaxBy(m => m.HeldOn)
            ?? meetings.Where(m => m.Status == MeetingStatus.Published).MaxBy(m => m.HeldOn);
        if (meeting is null)
        {
            return;
        }

        var items = meeting.Recommendations.OrderBy(r => r.Order).ToList();
        var marked = items.Where((r, i) => r.Roadmap is not null || i % 2 == 0).Select(r => r.Id).ToList();
        var results = PublicResults.Start(meeting.Id);
        results.Set(true, marked, meeting.Status, [.. items.Select(r => r.Id)], At(today, 9));
        db.PublicResults.Add(results);
        audit.Record(nameof(Meeting), meeting.Id, HistoryAction.Updated, Source, unitId: bodies.UnitId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The root unit of the demo units (the country), which holds no meetings of its own.</summary>
    private const string CountryCode = "viet-nam";

    /// <summary>
    /// The central body a province forwards to, "Ban Dân vận Trung ương", added at the country as an administrator would
    /// and given to the country's demo responder when that one answers for none: the seeds know no central body, so
    /// <c>traloi.toanquoc</c> had no work (issue 17 trial). The province's forwarded items then reach its queue. Null
    /// when the country unit is missing.
    /// </summary>
    private async Task<Bodies?> CentralBodyAsync(CancellationToken cancellationToken)
    {
        var country = await db.Units.AsNoTracking().Where(u => u.Code == CountryCode)
            .Select(u => new { u.Id, u.Level!.Rank }).SingleOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }

        const string name = "Ban Dân vận Trung ương";
        var body = await db.Organisations.Where(o => o.UnitId == country.Id && o.Name == name).SingleOrDefaultAsync(cancellationToken)
            ?? db.Organisations.Add(new Organisation(country.Id, name, OrganisationKind.PartyCommission)).Entity;
        await db.SaveChangesAsync(cancellationToken);

        var responderName = DemoDataSeeder.UserNameFor(Roles.Responder, "toanquoc");
        var responder = await db.Users.SingleOrDefaultAsync(u => u.UserName == responderName, cancellationToken);
        if (responder is not null && responder.OrganisationId is null)
        {
            responder.OrganisationId = body.Id;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Bodies(country.Id, body.Id, body.Id, body.Id, responder?.OrganisationId ?? body.Id, [], country.Rank);
    }

    /// <summary>The unit's bodies, found by kind among those the seeds know, else added as an administrator would.</summary>
    private async Task<Bodies> BodiesAsync(UnitPlan plan, int unitId, int levelRank, CancellationToken cancellationToken)
    {
        var known = await db.Organisations.Where(o => o.UnitId == unitId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        Organisation Find(OrganisationKind kind, string name) =>
            known.FirstOrDefault(o => o.Kind == kind) ?? Add(new Organisation(unitId, name, kind));
        Organisation Add(Organisation organisation)
        {
            db.Organisations.Add(organisation);
            known.Add(organisation);
            return organisation;
        }

        var committee = Find(OrganisationKind.PartyCommittee, plan.Committee);
        var front = Find(OrganisationKind.FatherlandFront, plan.Front);
        var peoples = Find(OrganisationKind.PeoplesCommittee, plan.PeoplesCommittee);
        var unions = known.Where(o => o.Kind == OrganisationKind.SocioPoliticalOrganisation).ToList();
        if (unions.Count == 0)
        {
            unions = plan.Unions.Select(name => Add(new Organisation(unitId, name, OrganisationKind.SocioPoliticalOrganisation))).ToList();
        }

        await db.SaveChangesAsync(cancellationToken);

        // The body the unit's demo responder answers for (DemoDataSeeder's rule); one that answers for none gets the
        // Party committee, as an administrator would name it, so the demo shows the responder's work at every unit.
        var responderName = DemoDataSeeder.UserNameFor(Roles.Responder, plan.Slug);
        var responder = await db.Users.SingleOrDefaultAsync(u => u.UserName == responderName, cancellationToken);
        if (responder is not null && responder.OrganisationId is null)
        {
            responder.OrganisationId = committee.Id;
            await db.SaveChangesAsync(cancellationToken);
        }

        // The raising side's demo account raises for the Front committee, added above when the seeds knew none.
        var raiserName = DemoDataSeeder.UserNameFor(Roles.Raiser, plan.Slug);
        var raiserAccount = await db.Users.SingleOrDefaultAsync(u => u.UserName == raiserName, cancellationToken);
        if (raiserAccount is not null && raiserAccount.OrganisationId is null)
        {
            raiserAccount.OrganisationId = front.Id;
            await db.SaveChangesAsync(cancellationToken);
        }

        var raisers = new[] { front }.Concat(unions).Select(o => (o.Id, o.Name)).ToList();
        return new Bodies(unitId, committee.Id, front.Id, peoples.Id, responder?.OrganisationId ?? committee.Id, raisers, levelRank);
    }

    /// <summary>A dialogue of the unit's Party committee's standing members with the Front and the unions, opened by the Front's report.</summary>
    private static Meeting NewMeeting(UnitPlan plan, Bodies bodies, DateOnly heldOn)
    {
        var meeting = new Meeting(bodies.UnitId, MeetingType.Dialogue, $"Thường trực cấp ủy đối thoại với Mặt trận và các đoàn thể {plan.Place} tháng {heldOn.Month}/{heldOn.Year}", heldOn)
        {
            HostOrganisationId = bodies.Committee,
            Location = $"Hội trường {plan.Place}",
            StartTime = new TimeOnly(8, 0),
            DayPart = DayPart.Morning,
            Period = new ReviewPeriod(PeriodKind.Month, heldOn.Year, heldOn.Month),
            Summary = DemoText.Summary(plan.Place),
        };
        meeting.SetHost(bodies.Committee, HostBoard.Standing);
        meeting.SetSource(Source, rebuiltFromSecondarySource: false);
        meeting.AddOrganisation(bodies.Committee);
        meeting.AddOrganisation(bodies.PeoplesCommittee);
        foreach (var (id, _) in bodies.Raisers)
        {
            meeting.AddOrganisation(id);
        }

        meeting.AddSpeech(SpeechKind.Report, DemoText.Report(plan.Place), null, "Chủ tịch Ủy ban MTTQ", bodies.Front);
        return meeting;
    }

    /// <summary>A draft the recorder has begun: host and the opening report, the rest to write before publishing.</summary>
    private static Meeting Draft(UnitPlan plan, Bodies bodies, DateOnly heldOn, DemoText text)
    {
        var meeting = NewMeeting(plan, bodies, heldOn);
        meeting.Type = MeetingType.WorkingSession;
        meeting.Title = $"Thường trực cấp ủy làm việc với Mặt trận và các đoàn thể {plan.Place} về công tác giám sát, phản biện xã hội";
        var raiser = text.Pick(bodies.Raisers);
        var speech = meeting.AddSpeech(SpeechKind.Recommendation, text.Opinion(), null, "Đại diện", raiser.Id);
        meeting.RaiseRecommendation(speech, text.Recommendation(plan.Place), raiser.Id, null);
        meeting.RefreshSearchText();
        return meeting;
    }

    private static Recommendation Raise(Meeting meeting, Bodies bodies, List<int> themes, DemoText text, Random random, int index)
    {
        var raiser = bodies.Raisers[(index + random.Next(bodies.Raisers.Count)) % bodies.Raisers.Count];
        var speech = meeting.AddSpeech(SpeechKind.Recommendation, text.Opinion(), null, "Đại diện", raiser.Id);
        var (content, theme) = text.Matter();
        var recommendation = meeting.RaiseRecommendation(speech, content, raiser.Id, null);
        recommendation.ThemeId = themes.Count == 0 ? null : themes[Math.Min(theme, themes.Count - 1)];
        return recommendation;
    }

    /// <summary>
    /// One recommendation's follow-up after its meeting, step by step as the use cases make them: the tracker assigns
    /// (the rules count the due date unless a date is given), the responder answers, forwards up or says it is in
    /// progress, the tracker reopens or the raising side judges; never dated after today.
    /// </summary>
    private void Follow(
        Recommendation r, Fate fate, UnitPlan plan, Bodies bodies, Bodies? above, DateOnly heldOn, DateOnly today,
        WorkingCalendar working, DueDatePolicy policy, DemoText text)
    {
        var tracker = DemoDataSeeder.UserNameFor(Roles.Tracker, plan.Slug);
        var responder = DemoDataSeeder.UserNameFor(Roles.Responder, plan.Slug);
        DateOnly Cap(DateOnly day) => day > today ? today : day;

        if (fate == Fate.New)
        {
            return;
        }

        var assignedOn = Cap(NextWorkingDay(heldOn.AddDays(1), working));
        if (fate == Fate.AnsweredAtMeeting)
        {
            // Answered at the meeting itself, as the seeds' Kỳ Phương meeting did: given to the host after publication
            // (the rules count its date), and its answer recorded with the meeting's date.
            r.AssignTo(bodies.Committee, policy.Resolve(null, assignedOn, r.ThemeId, bodies.LevelRank), new Actor(tracker, At(assignedOn, 9)));
            r.Respond(ResponseKind.Accepted, heldOn, bodies.Committee, null, DemoText.MeetingAnswer(), new Actor(tracker, At(assignedOn, 9)));
            return;
        }

        var body = fate is Fate.Explained or Fate.Declined ? bodies.PeoplesCommittee : bodies.Responder;
        var deadline = fate == Fate.DueSoon
            ? Deadline.Given(working.AddWorkingDays(today, 2))
            : policy.Resolve(null, assignedOn, r.ThemeId, bodies.LevelRank);
        r.AssignTo(body, deadline, new Actor(tracker, At(assignedOn, 9)));

        var answeredOn = Cap(assignedOn.AddDays(10));
        switch (fate)
        {
            case Fate.DueSoon or Fate.Assigned or Fate.Overdue:
                return;
            case Fate.Forwarded when above is not null:
                var forwardedOn = Cap(assignedOn.AddDays(3));
                r.Forward(above.Responder, policy.Resolve(null, forwardedOn, r.ThemeId, above.LevelRank),
                    "Nội dung vượt thẩm quyền cấp cơ sở, chuyển cấp trên xem xét, giải quyết.", new Actor(responder, At(forwardedOn, 14)));
                return;
            case Fate.Forwarded:
                return;
            case Fate.InProgressOverdue:
                r.Respond(ResponseKind.InProgress, answeredOn, body, null, "Đang phối hợp các ngành liên quan khảo sát, đề xuất phương án xử lý.", new Actor(responder, At(answeredOn, 15)));
                return;
            case Fate.Declined:
                r.Respond(ResponseKind.Declined, answeredOn, body, null, "Chưa thể thực hiện do không có nguồn kinh phí trong năm; sẽ xem xét khi điều kiện cho phép.", new Actor(responder, At(answeredOn, 15)));
                return;
            case Fate.Explained:
                r.Respond(ResponseKind.Explained, answeredOn, body, null, "Giải trình: nội dung thuộc thẩm quyền cấp trên, đã tổng hợp báo cáo để xem xét.", new Actor(responder, At(answeredOn, 15)));
                return;
        }

        r.Respond(ResponseKind.Accepted, answeredOn, body, null, text.Answer(), new Actor(responder, At(answeredOn, 15)));
        switch (fate)
        {
            case Fate.Accepted:
                PlanRoadmap(r, body, answeredOn, today, new Actor(responder, At(Cap(answeredOn.AddDays(2)), 15)));
                return;
            case Fate.Reopened:
                var reopenedOn = Cap(answeredOn.AddDays(7));
                r.Reopen("Trả lời chưa nêu rõ thời gian và kinh phí thực hiện; đề nghị trả lời cụ thể.", new Actor(tracker, At(reopenedOn, 10)));
                return;
            case Fate.Resolved or Fate.Closed:
                var resolvedOn = Cap(answeredOn.AddDays(30));
                r.Respond(ResponseKind.Resolved, resolvedOn, body, null, "Đã hoàn thành, kết quả đã thông báo đến tổ chức kiến nghị.", new Actor(responder, At(resolvedOn, 15)));
                if (fate == Fate.Closed)
                {
                    // The raising side is satisfied, which closes a resolved matter.
                    r.MarkSatisfaction(true, null, new Actor(tracker, At(Cap(resolvedOn.AddDays(5)), 10)));
                }

                return;
        }
    }

    /// <summary>The conclusion's tasks with their due dates; older ones done (some with a progress report), some overdue.</summary>
    private int _roadmaps;

    /// <summary>
    /// Issue 18, deliver 3: an accepted matter that cannot be resolved at once gets a roadmap of three milestones (30, 60,
    /// 100 %) over eight months from its answer. Every other one keeps to it (each milestone due by today is done on its
    /// date); the others have done none, so the first milestone past its date makes the roadmap overdue: both figures
    /// show on first start.
    /// </summary>
    private void PlanRoadmap(Recommendation r, int body, DateOnly answeredOn, DateOnly today, Actor by)
    {
        var planned = answeredOn.AddDays(240);
        MilestonePlan[] milestones =
        [
            new(null, "Khảo sát, lập phương án và dự toán kinh phí", answeredOn.AddDays(30), 30),
            new(null, "Trình cấp có thẩm quyền phê duyệt, bố trí nguồn lực", answeredOn.AddDays(120), 60),
            new(null, "Tổ chức thực hiện xong, báo cáo kết quả tại hội nghị đối thoại kỳ sau", planned, 100),
        ];
        var onTime = _roadmaps++ % 2 == 0;
        var done = milestones.Select(m => (onTime && m.DueOn <= today ? m.DueOn : (DateOnly?)null, (string?)null)).ToList();
        r.RestoreRoadmap(planned, body, milestones, done, today, by);
    }

    private void AddConclusion(Meeting meeting, UnitPlan plan, Bodies bodies, DateOnly heldOn, DateOnly today, WorkingCalendar working, Random random)
    {
        var first = meeting.AddDirective($"Giao Ủy ban nhân dân {plan.Place} chỉ đạo rà soát, giải quyết dứt điểm các kiến nghị thuộc thẩm quyền, báo cáo kết quả với Thường trực cấp ủy.",
            [bodies.PeoplesCommittee], working.AddWorkingDays(heldOn, 20));
        var second = meeting.AddDirective(DemoText.Task(plan.Place), [bodies.Front], working.AddWorkingDays(heldOn, 45));
        foreach (var directive in new[] { first, second })
        {
            if (directive.DueOn is not { } due)
            {
                continue;
            }

            var reportedOn = heldOn.AddDays(15);
            if (reportedOn < today)
            {
                directive.ReportProgress(reportedOn, "Đã triển khai, đang tổ chức thực hiện theo kế hoạch.", directive.Assignees[0].OrganisationId,
                    DemoDataSeeder.UserNameFor(Roles.Tracker, plan.Slug), At(reportedOn, 11));
            }

            // Past its due date: most are done, about one in three is left overdue.
            if (due < today.AddDays(-10) && random.Next(3) != 0)
            {
                directive.MarkDone(due.AddDays(-random.Next(0, 5)));
            }
        }
    }

    private static DateOnly FirstWorkingDayFrom(DateOnly day, WorkingCalendar working)
    {
        while (!working.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly NextWorkingDay(DateOnly day, WorkingCalendar working) => FirstWorkingDayFrom(day, working);

    private static DateOnly PreviousWorkingDay(DateOnly day, WorkingCalendar working)
    {
        while (!working.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// UTC instant of <paramref name="hour"/> o'clock on <paramref name="day"/> in Vietnam, or now when that is later
    /// (a step of today, or of tomorrow's publication of yesterday's meeting, is never stamped in the future).
    /// </summary>
    private DateTime At(DateOnly day, int hour)
    {
        var at = VietnamTime.StartUtc(day).AddHours(hour);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return at > now ? now : at;
    }
}
