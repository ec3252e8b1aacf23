using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>Who may open a route, as <see cref="PortalRoutes.Matrix"/> holds it.</summary>
public enum RouteAccess
{
    /// <summary>Open without signing in.</summary>
    Public,

    /// <summary>Any signed-in user; lists are filtered by scope (tested elsewhere).</summary>
    SignedIn,

    /// <summary>One record of Kỳ Phương: 404 outside its scope, 403 for a role it lacks.</summary>
    Record,

    /// <summary>Needs a role or an administrator of the top unit: 403 otherwise.</summary>
    Role,
}

/// <summary>One route's access, a user in scope who may open it and one in scope who lacks the role.</summary>
public sealed record RouteEntry(RouteAccess Access, string? InScopeUser = null, string? MissingRoleUser = null);

/// <summary>The records of Kỳ Phương that the route templates' ids are filled with.</summary>
/// <remarks><c>Raised</c> is a recommendation Kỳ Phương's Front raised and <c>Gathered</c> one the Front sent for <c>Plan</c> (ADR 0026).</remarks>
public sealed record RouteRecords(int Meeting, int Recommendation, int Directive, int Attachment, int Snapshot, int ParentMeeting, int Organisation, int Unit, string Account, int Group, int Plan, int Raised = 0, int Gathered = 0, string PublicResults = "", int Template = 0);

/// <summary>
/// Every route the portal has (its endpoint list), who may open it and how its ids are filled: shared by the
/// scope matrix, which checks who is refused, and the hostile-input sweep, which opens each route as a user who
/// may. A page added without an entry fails both.
/// </summary>
public static class PortalRoutes
{
    /// <summary>The user a sweep opens a <see cref="RouteAccess.SignedIn"/> route with: a ward leader sees the summary and may freeze it.</summary>
    public const string AnySignedInUser = "lanhdao.kyphuong";

    /// <summary>Kỳ Phương's Front's raising-side account (ADR 0026).</summary>
    public const string RaiserUser = "mattran.kyphuong";

    public static readonly IReadOnlyDictionary<string, RouteEntry> Matrix = new Dictionary<string, RouteEntry>(StringComparer.OrdinalIgnoreCase)
    {
        [""] = new(RouteAccess.SignedIn),
        ["Index"] = new(RouteAccess.SignedIn),
        ["Error"] = new(RouteAccess.Public),
        ["Status/{code:int}"] = new(RouteAccess.Public),
        ["Culture"] = new(RouteAccess.Public),
        ["Account/SignIn"] = new(RouteAccess.Public),
        ["Account/SignOut"] = new(RouteAccess.Public),
        ["Account/AccessDenied"] = new(RouteAccess.SignedIn),
        ["Meetings"] = new(RouteAccess.SignedIn),
        ["Meetings/Index"] = new(RouteAccess.SignedIn),
        ["Meetings/Create"] = new(RouteAccess.Role, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Meetings/Import"] = new(RouteAccess.Role, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Meetings/Export"] = new(RouteAccess.SignedIn),
        ["Meetings/{id:int}"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Edit"] = new(RouteAccess.Record, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Minutes"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        // Only the meeting's own unit's leaders approve its minutes (ADR 0019).
        ["Meetings/{id:int}/Minutes/Approve"] = new(RouteAccess.Record, "lanhdao.kyphuong", "thuky.kyphuong"),
        ["Meetings/{id:int}/Attachments"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        ["Meetings/{id:int}/Attachments/{attachmentId:int}"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        // Read by anyone in scope; opened by the recorder in sweeps, so that the publish form is swept too (ADR 0025).
        ["Meetings/{id:int}/Results"] = new(RouteAccess.Record, "thuky.kyphuong"),
        ["Recommendations"] = new(RouteAccess.SignedIn),
        ["Recommendations/Index"] = new(RouteAccess.SignedIn),
        ["Recommendations/Queue"] = new(RouteAccess.Role, "traloi.kyphuong", "lanhdao.kyphuong"),
        ["Recommendations/{id:int}"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        // Any signed-in user opens it; each selected item is authorized one by one when acted on (ADR 0025 section 4).
        ["Recommendations/Bulk"] = new(RouteAccess.SignedIn),
        ["Recommendations/Templates"] = new(RouteAccess.SignedIn),
        ["Recommendations/Templates/Index"] = new(RouteAccess.SignedIn),
        // A ward's answer template: read by everyone of the ward, written by its trackers and administrators (ADR 0025 section 4).
        ["Recommendations/Templates/{id:int}"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        ["Directives"] = new(RouteAccess.SignedIn),
        ["Directives/Index"] = new(RouteAccess.SignedIn),
        ["Directives/{id:int}"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        ["Plans"] = new(RouteAccess.SignedIn),
        ["Plans/Index"] = new(RouteAccess.SignedIn),
        ["Plans/Progress"] = new(RouteAccess.SignedIn),
        // Opened by the recorder in sweeps, so that its link and take-off forms are swept too.
        ["Plans/Entry/{id:int}"] = new(RouteAccess.Record, "thuky.kyphuong"),
        // The unit's recorders and administrators write its plan; its leaders read it (ADR 0025).
        ["Plans/Edit/{id:int?}"] = new(RouteAccess.Record, "thuky.kyphuong", "lanhdao.kyphuong"),
        ["Plans/Agenda/{id:int}"] = new(RouteAccess.Record, "thuky.kyphuong"),
        // The raising side's own pages (ADR 0026): Raisers only, every committee's staff 403.
        ["Raising"] = new(RouteAccess.Role, RaiserUser, "lanhdao.kyphuong"),
        ["Raising/Index"] = new(RouteAccess.Role, RaiserUser, "lanhdao.kyphuong"),
        ["Raising/Gathered"] = new(RouteAccess.Role, RaiserUser, "thuky.kyphuong"),
        ["Raising/Send/{id:int?}"] = new(RouteAccess.Role, RaiserUser, "thuky.kyphuong"),
        ["Raising/Recommendation/{id:int}"] = new(RouteAccess.Role, RaiserUser, "theodoi.kyphuong"),
        ["Notifications"] = new(RouteAccess.SignedIn),
        ["Notifications/Index"] = new(RouteAccess.SignedIn),
        ["Admin/Calendar"] = new(RouteAccess.Role, "quantri.toanquoc", "quantri.kyphuong"),
        ["Admin/DueRules"] = new(RouteAccess.Role, "quantri.toanquoc", "quantri.kyphuong"),
        ["Admin/Audit"] = new(RouteAccess.Role, "quantri.kyphuong", "theodoi.kyphuong"),
        ["Admin"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Index"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Themes"] = new(RouteAccess.Role, "quantri.toanquoc", "quantri.kyphuong"),
        ["Admin/Organisations"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/Index"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/{id:int}"] = new(RouteAccess.Record, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/Groups"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/Groups/Index"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Organisations/Groups/{id:int}"] = new(RouteAccess.Record, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Units"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Units/Index"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Units/Reorganise"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        // A ward administrator may not rename or merge their own ward: the district above does.
        ["Admin/Units/{id:int}"] = new(RouteAccess.Record, "quantri.kyanh", "quantri.kyphuong"),
        ["Admin/Users"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Users/Index"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Users/Create"] = new(RouteAccess.Role, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Admin/Users/{id:guid}"] = new(RouteAccess.Record, "quantri.kyphuong", "lanhdao.kyphuong"),
        ["Account/ChangePassword"] = new(RouteAccess.SignedIn),
        ["Reports/Quarterly"] = new(RouteAccess.SignedIn),
        ["Reports/Snapshots"] = new(RouteAccess.SignedIn),
        ["Reports/Snapshots/{id:int}"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        ["Reports/Snapshots/{id:int}/Document"] = new(RouteAccess.Record, "lanhdao.kyphuong"),
        // Only the report's own unit's leaders type, sign and send it (ADR 0017).
        ["Reports/Snapshots/{id:int}/Edit"] = new(RouteAccess.Record, "lanhdao.kyphuong", "theodoi.kyphuong"),
        ["Reports/Snapshots/{id:int}/Sign"] = new(RouteAccess.Record, "lanhdao.kyphuong", "quantri.kyphuong"),
        ["Reports/Received"] = new(RouteAccess.SignedIn),
        ["health"] = new(RouteAccess.Public),
        ["health/live"] = new(RouteAccess.Public),
        ["health/ready"] = new(RouteAccess.Public),
        // A dialogue's public results, at the random id of Kỳ Phương's meeting published with one item (ADR 0025).
        ["Public/Results/{publicId}"] = new(RouteAccess.Public),
    };

    /// <summary>The records the route templates point at, made when the template database lacks them; <paramref name="account"/> is the account <c>Admin/Users/{id:guid}</c> opens.</summary>
    public static async Task<RouteRecords> RecordsAsync(PortalFactory factory, string account = "thuky.kyphuong")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var meeting = await db.Meetings.SingleAsync(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith("Đảng ủy phường Kỳ Phương"));
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.MeetingId == meeting.Id);
        if (attachment is null)
        {
            var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
            await using var content = new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray());
            attachment = new Attachment(meeting.Id, "bien-ban.pdf", AttachmentType.Pdf, content.Length, await store.SaveAsync(content, CancellationToken.None));
            db.Attachments.Add(attachment);
        }

        var snapshot = await db.Snapshots.FirstOrDefaultAsync(s => s.UnitId == meeting.UnitId);
        if (snapshot is null)
        {
            var empty = new MeetingPortal.Application.Reports.SummaryFigures { MeetingsByType = new Dictionary<MeetingType, int>() };
            var content = MeetingPortal.Application.Reports.FrozenReport.Write(MeetingPortal.Application.Reports.FrozenReportV1.From("Phường Kỳ Phương", "Năm 2022", "Năm 2021", empty, empty));
            snapshot = SummarySnapshot.Freeze(null, meeting.UnitId, new ReviewPeriod(PeriodKind.Year, 2022, 1), "Báo cáo thử", content, new DateOnly(2022, 12, 31), "test", DateTime.UtcNow, null);
            db.Snapshots.Add(snapshot);
        }

        await db.SaveChangesAsync();
        var plan = PlanEntry(factory);
        var (raised, gathered) = await RaisingAsync(db, meeting.Id, plan);
        return new RouteRecords(
            meeting.Id,
            await db.Recommendations.Where(r => r.MeetingId == meeting.Id).Select(r => r.Id).FirstAsync(),
            await db.Directives.Where(d => d.MeetingId == meeting.Id).Select(d => d.Id).FirstAsync(),
            attachment.Id,
            snapshot.Id,
            await db.Meetings.Where(m => m.Unit!.Code == "tx-ky-anh" || m.Unit!.Code == "tp-ha-tinh").Select(m => m.Id).FirstAsync(),
            await db.Organisations.Where(o => o.UnitId == meeting.UnitId).Select(o => o.Id).FirstAsync(),
            meeting.UnitId,
            await db.Users.Where(u => u.UserName == account).Select(u => u.Id).SingleAsync(),
            await db.BodyGroups.Where(g => g.UnitId == meeting.UnitId).Select(g => g.Id).FirstAsync(),
            plan,
            raised,
            gathered,
            PublicResultsOf(factory, meeting.Id),
            AnswerTemplate(factory));
    }

    // The seed names no raising body for its recommendations: the meeting's last one is made the Front's, and the Front
    // sends one for the plan entry, once per database.
    private static async Task<(int Raised, int Gathered)> RaisingAsync(MeetingPortalDbContext db, int meetingId, int planEntry)
    {
        var front = await db.Users.Where(u => u.UserName == RaiserUser).Select(u => u.OrganisationId!.Value).SingleAsync();
        var raised = await db.Recommendations.Where(r => r.MeetingId == meetingId).OrderByDescending(r => r.Id).FirstAsync();
        raised.RaisedByOrganisationId = front;
        var gathered = await db.GatheredRecommendations.Where(g => g.PlannedDialogueId == planEntry && g.RaisedByOrganisationId == front).FirstOrDefaultAsync();
        if (gathered is null)
        {
            var entry = await db.PlannedDialogues.Include(p => p.Meeting).SingleAsync(p => p.Id == planEntry);
            gathered = new MeetingPortal.Domain.Plans.GatheredRecommendation(entry, "Đề nghị sửa chữa nhà văn hóa tổ dân phố đã xuống cấp.", front, new DateOnly(2026, 6, 1));
            db.GatheredRecommendations.Add(gathered);
        }

        await db.SaveChangesAsync();
        return (raised.Id, gathered.Id);
    }

    /// <summary>
    /// The public id of <paramref name="meetingId"/>'s public results, published once with its first recommendation
    /// marked if the template database has none (written straight to the tables: no history row, no version of the
    /// meeting changes).
    /// </summary>
    public static string PublicResultsOf(PortalFactory factory, int meetingId) => factory.WithDb(db =>
    {
        var existing = db.PublicResults.Where(p => p.MeetingId == meetingId).Select(p => p.PublicId).FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        var ids = db.Recommendations.Where(r => r.MeetingId == meetingId).OrderBy(r => r.Order).Select(r => r.Id).ToList();
        var results = PublicResults.Start(meetingId);
        results.Set(true, [ids[0]], MeetingStatus.Published, ids, DateTime.UtcNow);
        db.PublicResults.Add(results);
        db.SaveChanges();
        return results.PublicId;
    });

    /// <summary>An answer template of Kỳ Phương, made once if the template database has none (issue 18, deliver 4).</summary>
    public static int AnswerTemplate(PortalFactory factory) => factory.WithDb(db =>
    {
        var unitId = db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Id).Single();
        var existing = db.AnswerTemplates.Where(t => t.UnitId == unitId).Select(t => t.Id).FirstOrDefault();
        if (existing != 0)
        {
            return existing;
        }

        var template = new MeetingPortal.Domain.Recommendations.AnswerTemplate(unitId, "Tiếp thu, báo cáo cấp trên", "Đảng ủy phường tiếp thu, tổng hợp báo cáo cấp trên xem xét, giải quyết.");
        db.AnswerTemplates.Add(template);
        db.SaveChanges();
        return template.Id;
    });

    /// <summary>An entry of Kỳ Phương's dialogue plan, made once if the template database has none (issue 18).</summary>
    public static int PlanEntry(PortalFactory factory) => factory.WithDb(db =>
    {
        var unitId = db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Id).Single();
        var existing = db.PlannedDialogues.Where(p => p.UnitId == unitId).Select(p => p.Id).FirstOrDefault();
        if (existing != 0)
        {
            return existing;
        }

        var entry = new MeetingPortal.Domain.Plans.PlannedDialogue(unitId, new ReviewPeriod(PeriodKind.Quarter, 2026, 3), "Đối thoại về xây dựng đô thị văn minh");
        db.PlannedDialogues.Add(entry);
        db.SaveChanges();
        return entry.Id;
    });

    /// <summary>The route template with its ids filled from <paramref name="r"/>.</summary>
    public static string Url(string route, RouteRecords r) => "/" + route
        .Replace("Meetings/{id:int}", $"Meetings/{r.Meeting}", StringComparison.Ordinal)
        .Replace("{attachmentId:int}", r.Attachment.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("Recommendations/{id:int}", $"Recommendations/{r.Recommendation}", StringComparison.Ordinal)
        // The bulk form with a selection and the action with the most fields, so that sweeps reach its inputs.
        .Replace("Templates/{id:int}", $"Templates/{r.Template}", StringComparison.Ordinal)
        .Replace("Recommendations/Bulk", $"Recommendations/Bulk?act=forward&ids={r.Recommendation}", StringComparison.Ordinal)
        .Replace("Directives/{id:int}", $"Directives/{r.Directive}", StringComparison.Ordinal)
        .Replace("Snapshots/{id:int}", $"Snapshots/{r.Snapshot}", StringComparison.Ordinal)
        .Replace("Groups/{id:int}", $"Groups/{r.Group}", StringComparison.Ordinal)
        .Replace("Organisations/{id:int}", $"Organisations/{r.Organisation}", StringComparison.Ordinal)
        .Replace("Units/{id:int}", $"Units/{r.Unit}", StringComparison.Ordinal)
        .Replace("Users/{id:guid}", $"Users/{r.Account}", StringComparison.Ordinal)
        .Replace("Plans/Entry/{id:int}", $"Plans/Entry/{r.Plan}", StringComparison.Ordinal)
        .Replace("Plans/Edit/{id:int?}", $"Plans/Edit/{r.Plan}", StringComparison.Ordinal)
        .Replace("Plans/Agenda/{id:int}", $"Plans/Agenda/{r.Plan}", StringComparison.Ordinal)
        .Replace("Raising/Recommendation/{id:int}", $"Raising/Recommendation/{r.Raised}", StringComparison.Ordinal)
        .Replace("Raising/Send/{id:int?}", $"Raising/Send/{r.Gathered}", StringComparison.Ordinal)
        .Replace("{code:int}", "404", StringComparison.Ordinal)
        .Replace("{publicId}", r.PublicResults, StringComparison.Ordinal);

    /// <summary>
    /// Who opens <paramref name="route"/> in a sweep: its in-scope user, <see cref="AnySignedInUser"/> for a page any
    /// signed-in user may open, an empty name for a public one; null when the matrix has no entry or no user for it.
    /// </summary>
    public static string? OpenedBy(string route) => Matrix.TryGetValue(route, out var entry)
        ? entry.InScopeUser ?? entry.Access switch
        {
            RouteAccess.Public => string.Empty,
            RouteAccess.SignedIn => AnySignedInUser,
            _ => null,
        }
        : null;
}
