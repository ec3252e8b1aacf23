using System.Security.Claims;
using System.Text;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// The official reports of the demo history (issue 17, deliver 7; ADR 0024): at the start that wrote the history, the
/// leaders of Kỳ Phương, Kỳ Anh and Thành phố Hà Tĩnh freeze their report for the last ended quarter, type its draft,
/// sign it with an illustrative scan and send it up, each step through the use case a leader's page calls, as that
/// leader (as the command line's import acts as its named account). Trần Phú's is left unsent, so Thành phố Hà Tĩnh's
/// leader sees a report awaited from below. Runs when no demo unit has an official report yet; a second start adds
/// nothing. The narrative and the signer's name say the report is an illustration.
/// </summary>
public static class DemoReports
{
    /// <summary>The demo units whose leaders send their report; Trần Phú's stays awaited.</summary>
    public static readonly IReadOnlyList<string> Senders = ["kyphuong", "kyanh", "tphatinh"];

    /// <summary>What every demo report's narrative says first.</summary>
    public const string Narrative = "Báo cáo minh họa: số liệu chốt từ lịch sử mẫu của môi trường phát triển, không phải báo cáo thật.";

    /// <summary>
    /// Writes the reports when the demo history is there and no demo unit has a report; returns how many were sent.
    /// A step refused by a use case is logged and the unit's remaining steps skipped: the demo starts without it.
    /// </summary>
    public static async Task<int> WriteAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var senders = new List<(ApplicationUser Account, ClaimsPrincipal Principal)>();
        await using (var lookup = services.CreateAsyncScope())
        {
            var db = lookup.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            if (!await lookup.ServiceProvider.GetRequiredService<DemoHistorySeeder>().IsSeededAsync(cancellationToken))
            {
                return 0;
            }

            var codes = DemoDataSeeder.DemoUnits.Select(u => u.UnitCode).ToList();
            var units = await db.Units.Where(u => codes.Contains(u.Code)).Select(u => u.Id).ToListAsync(cancellationToken);
            if (await db.Snapshots.AnyAsync(s => units.Contains(s.UnitId), cancellationToken))
            {
                return 0;
            }

            var users = lookup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var principals = lookup.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
            foreach (var slug in Senders)
            {
                if (await users.FindByNameAsync(DemoDataSeeder.UserNameFor(Roles.Leader, slug)) is { } account)
                {
                    senders.Add((account, await principals.CreateAsync(account)));
                }
            }
        }

        var sent = 0;
        foreach (var (account, principal) in senders)
        {
            await using var scope = services.CreateAsyncScope();
            // Who acts, for the audit fields and the report's steps, as if the leader had signed in.
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
            if (await SendOneAsync(scope.ServiceProvider, account.UnitId, principal, cancellationToken) is { } refused)
            {
                logger.LogWarning("The demo report of {UserName} was not sent: {Refusal}", account.UserName, refused);
                continue;
            }

            sent++;
        }

        logger.LogInformation("Sent {Count} demo official reports", sent);
        return sent;
    }

    /// <summary>Freeze, draft, sign and send as <paramref name="leader"/>; null when done, else what was refused.</summary>
    private static async Task<string?> SendOneAsync(IServiceProvider services, int unitId, ClaimsPrincipal leader, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MeetingPortalDbContext>();
        var calendar = services.GetRequiredService<CalendarService>();
        var period = ReviewPeriod.QuarterOf(calendar.Today).Previous();
        var frozen = await services.GetRequiredService<FreezeReport>()
            .ExecuteAsync(leader, new FreezeCommand(unitId, period, FreezeReport.ConfirmationOf(unitId, period)), cancellationToken);
        if (!frozen.Succeeded || frozen.Id is not { } id)
        {
            return Describe("freeze", frozen);
        }

        Task<int> RevisionAsync() => db.Snapshots.AsNoTracking().Where(s => s.Id == id).Select(s => s.Revision).SingleAsync(cancellationToken);
        var drafted = await services.GetRequiredService<EditReportDraft>().ExecuteAsync(leader, new EditReportDraftCommand(
            id, await RevisionAsync(), Narrative, null, null, null, calendar.Today, null, "Bí thư", "Người ký minh họa", null), cancellationToken);
        if (!drafted.Succeeded)
        {
            return Describe("draft", drafted);
        }

        var scan = IllustrativeScan();
        var signed = await services.GetRequiredService<SignReport>().ExecuteAsync(
            leader, id, await RevisionAsync(), new UploadedFile("ban-ky-minh-hoa.pdf", scan.Length, () => new MemoryStream(scan)), cancellationToken);
        if (!signed.Succeeded)
        {
            return Describe("sign", signed);
        }

        var sent = await services.GetRequiredService<SendReport>().ExecuteAsync(leader, id, await RevisionAsync(), cancellationToken);
        return sent.Succeeded ? null : Describe("send", sent);
    }

    private static string Describe(string step, UseCaseResult result) =>
        $"{step}: {result.Status} {string.Join("; ", result.Errors.Select(e => e.Message))}";

    /// <summary>A one-page PDF standing for the signed scan; it carries no signature, and says so.</summary>
    private static byte[] IllustrativeScan() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        "4 0 obj<</Length 58>>stream\nBT /F1 18 Tf 72 760 Td (Ban minh hoa - khong co chu ky) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF");
}
