using System.Globalization;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// Downloads an official report in scope as a báo cáo in DOCX (<see cref="OfficialReportDocument"/>), whatever its
/// status: a draft to read and sign on paper, a signed or sent one as it was signed. Always Vietnamese, the language of
/// the document. A report this build cannot read (frozen by a newer portal) shows a page that says so.
/// </summary>
public sealed class SnapshotDocumentModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, SummaryReport layout, IStringLocalizerFactory localizers, GeneratedDocumentCache files) : PageModel
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // The report's own columns only: its frozen document and overdue list (megabytes at province scale) are read
        // when the file is built, not on every download of a file already built.
        var head = await db.Snapshots.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.UnitId, s.Revision }).SingleOrDefaultAsync(cancellationToken);
        var unit = head is null ? null : await db.Units.AsNoTracking().Where(u => u.Id == head.UnitId)
            .Select(u => new { u.Name, u.Path, Parent = u.Parent == null ? null : new { u.Parent.Name, u.Parent.ParentId } })
            .SingleAsync(cancellationToken);
        if (head is null || !await authorization.MayAsync(User, new ReportResource(unit!.Path), ReportOperations.Read))
        {
            return NotFound();
        }

        Id = id;
        // The issuing body as the records hold it: the unit's Party committee among its organisations, else the unit itself.
        var committee = await db.Organisations.AsNoTracking().Where(o => o.UnitId == head.UnitId && o.Kind == OrganisationKind.PartyCommittee)
            .OrderBy(o => o.Id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

        var uiCulture = CultureInfo.CurrentUICulture;
        GeneratedFile? file;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            var localizer = localizers.Create(typeof(SharedResource));
            // The superior organisation: "Đảng bộ" and the parent unit's name, unless the parent is the top unit (the
            // whole country, which no Party document names as a Đảng bộ): a province's committee heads its own documents.
            var superior = unit.Parent is { ParentId: not null } parent ? localizer["OfficialReport.SuperiorBody", parent.Name].Value : null;
            // The document changes only with the report (each change moves its revision on) and the names printed in it.
            var key = string.Join('|', "official-report", id.ToString(CultureInfo.InvariantCulture), head.Revision.ToString(CultureInfo.InvariantCulture), unit.Name, superior, committee);
            file = await files.GetOrBuildAsync(key, async () =>
            {
                // Built apart from this request: one download leaving does not cancel the others waiting for it.
                var report = await db.Snapshots.AsNoTracking().SingleAsync(s => s.Id == id, CancellationToken.None);
                ReportDocument document;
                OverdueListV1? overdue;
                try
                {
                    document = FrozenReport.Read(report.Figures, report.UnitId, ReportPeriod.Of(report.Period), report.FrozenOn, layout, localizer["Snapshot.FormatOneNote"]);
                    overdue = OverdueList.Read(report.OverdueItems);
                }
                catch (DomainException)
                {
                    // Frozen by a newer portal: the page says so.
                    return null;
                }

                var sheet = new OfficialReportSheet(document, superior, committee ?? unit.Name, report.Number, report.IssuerCode, report.Place ?? unit.Name,
                    report.IssuedOn, report.Narrative, report.OnBehalfOf, report.SignerRole, report.SignerName, report.Recipients, overdue);
                return new GeneratedFile(OfficialReportDocument.Create(sheet, localizer),
                    ReportFiles.FileName(localizer["OfficialReport.FileKind"], document.UnitName, localizer["OfficialReport.FilePeriod", document.Period, report.Version]));
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }

        return file is null ? Page() : ReportFiles.Download(Response, file.Bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.Name + ".docx");
    }
}
