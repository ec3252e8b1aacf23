using MeetingPortal.Application.Common;
using MeetingPortal.Application.People;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// A frozen report, shown from its stored figures; opening it records the reader once. It also shows where the report
/// stands on its way to the level above (draft, signed, sent, received; ADR 0017) and offers the steps the user may
/// take now: its leaders type the draft, sign and send it, a leader of the unit above records it as received.
/// </summary>
public sealed class SnapshotModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, TimeProvider timeProvider, SummaryReport layout,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer, PeopleNames peopleNames) : PageModel
{
    /// <summary>Who froze, edited, signed, sent, received and read the report, by full name.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;

    /// <summary>The version of the unit's report for the period (1 the first).</summary>
    public int Version { get; private set; }

    /// <summary>Why this version replaced the one before, if it did.</summary>
    public string? Reason { get; private set; }

    /// <summary>The version that replaced this one, if any.</summary>
    public (int Id, int Version, DateOnly FrozenOn)? ReplacedBy { get; private set; }

    /// <summary>The long table the reader asked to see whole (<see cref="ReportView.ExpandKey"/>); null shows every table cut.</summary>
    [BindProperty(SupportsGet = true, Name = ReportView.ExpandKey)]
    public string? Expanded { get; set; }

    public string Title { get; private set; } = string.Empty;
    public DateOnly FrozenOn { get; private set; }
    public string? FrozenBy { get; private set; }
    public int UnitId { get; private set; }
    /// <summary>The report as it was frozen, read back by its stored format's version; null when this build cannot read it.</summary>
    public ReportDocument? Document { get; private set; }
    public IReadOnlyList<(string UserName, DateTime ReadAtUtc)> Readers { get; private set; } = [];

    /// <summary>The report itself (its status, who took each step and when, its scan), as loaded.</summary>
    public SummarySnapshot Report { get; private set; } = null!;

    /// <summary>The unit directly above, the report's addressee; null for a top unit.</summary>
    public string? LevelAbove { get; private set; }

    /// <summary>Whether the user may type the draft now (a leader of the unit, a current draft).</summary>
    public bool MayEditDraft { get; private set; }

    /// <summary>Whether the user may sign it now.</summary>
    public bool MaySign { get; private set; }

    /// <summary>Whether the user may send it now.</summary>
    public bool MaySend { get; private set; }

    /// <summary>Whether the user may record it as received now (a leader of the unit above, a sent report).</summary>
    public bool MayReceive { get; private set; }

    /// <summary>What the last step did, shown once after its redirect.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, markRead: true, cancellationToken) ? Page() : NotFound();

    /// <summary>Downloads the signed scan (always as a download), for anyone who may read the report; 404 before it is signed.</summary>
    public async Task<IActionResult> OnGetScanAsync(int id, [FromServices] AttachmentStore store, CancellationToken cancellationToken)
    {
        var found = await db.Snapshots.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Report = s, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (found?.Report.Scan is not { } scan || !await authorization.MayAsync(User, new ReportResource(found.Path), ReportOperations.Read))
        {
            return NotFound();
        }

        ReportFiles.NameDownload(Response, scan.FileName);
        return File(store.Open(scan.StoredName), AttachmentStore.ContentType(scan.Type));
    }

    /// <summary>A leader of the unit sends the signed report to the level above.</summary>
    public async Task<IActionResult> OnPostSendAsync(int id, int revision, [FromServices] SendReport send, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await send.ExecuteAsync(User, id, revision, cancellationToken), "OfficialReport.SentDone", cancellationToken);

    /// <summary>A leader of the unit above records the sent report as received.</summary>
    public async Task<IActionResult> OnPostReceiveAsync(int id, int revision, [FromServices] ReceiveReport receive, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await receive.ExecuteAsync(User, id, revision, cancellationToken), "OfficialReport.ReceivedDone", cancellationToken);

    private Task<IActionResult> AnswerAsync(int id, UseCaseResult result, string done, CancellationToken cancellationToken) =>
        this.AnswerAsync(result, string.Empty,
            () =>
            {
                StatusMessage = localizer[done];
                return RedirectToPage(new { id });
            },
            async () => await LoadAsync(id, markRead: false, cancellationToken) ? Page() : NotFound());

    private async Task<bool> LoadAsync(int id, bool markRead, CancellationToken cancellationToken)
    {
        var snapshot = await db.Snapshots.Include(s => s.Receipts).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var unit = snapshot is null ? null : await db.Units.Where(u => u.Id == snapshot.UnitId)
            .Select(u => new { u.Path, Parent = u.Parent == null ? null : u.Parent.Name }).SingleAsync(cancellationToken);
        if (snapshot is null || !await authorization.MayAsync(User, new ReportResource(unit!.Path), ReportOperations.Read))
        {
            return false;
        }

        if (markRead && User.Identity?.Name is { } reader && snapshot.MarkRead(reader, timeProvider.GetUtcNow().UtcDateTime))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same reader opened the report twice at once (two tabs, a double click): the other request recorded
                // the reading, once, as the unique index wants; this one answered 503 as if the database were down.
                if (!await db.Snapshots.Where(s => s.Id == id).SelectMany(s => s.Receipts).AnyAsync(r => r.UserName == reader, cancellationToken))
                {
                    throw;
                }
            }
        }

        Report = snapshot;
        Title = snapshot.Title;
        FrozenOn = snapshot.FrozenOn;
        FrozenBy = snapshot.FrozenBy;
        UnitId = snapshot.UnitId;
        Version = snapshot.Version;
        Reason = snapshot.Reason;
        LevelAbove = unit.Parent;
        if (snapshot.IsReplaced)
        {
            var newer = await db.Snapshots.AsNoTracking()
                .Where(s => s.UnitId == snapshot.UnitId && s.PeriodKind == snapshot.PeriodKind && s.PeriodYear == snapshot.PeriodYear && s.PeriodNumber == snapshot.PeriodNumber && s.Version > snapshot.Version)
                .OrderBy(s => s.Version).Select(s => new { s.Id, s.Version, s.FrozenOn }).FirstOrDefaultAsync(cancellationToken);
            ReplacedBy = newer is null ? null : (newer.Id, newer.Version, newer.FrozenOn);
        }

        // Who may take a step is the authorization's answer; whether the report's status allows it, the domain's.
        var resource = new ReportResource(unit.Path);
        MayEditDraft = snapshot.IsEditable && await authorization.MayAsync(User, resource, ReportOperations.EditDraft);
        MaySign = snapshot.MaySign && await authorization.MayAsync(User, resource, ReportOperations.Sign);
        MaySend = snapshot.MaySend && LevelAbove is not null && await authorization.MayAsync(User, resource, ReportOperations.Send);
        MayReceive = snapshot.MayBeReceived && await authorization.MayAsync(User, resource, ReportOperations.Receive);

        try
        {
            Document = FrozenReport.Read(snapshot.Figures, snapshot.UnitId, ReportPeriod.Of(snapshot.Period), snapshot.FrozenOn, layout, localizer["Snapshot.FormatOneNote"]);
        }
        catch (MeetingPortal.Domain.Common.DomainException)
        {
            // Frozen by a newer portal: the title and readers still show, the figures say why they do not.
            Document = null;
        }

        Readers = snapshot.Receipts.OrderBy(r => r.ReadAtUtc).Select(r => (r.UserName, r.ReadAtUtc)).ToList();
        People = await peopleNames.ForAsync(
            [snapshot.FrozenBy, snapshot.EditedBy, snapshot.SignedBy, snapshot.SentBy, snapshot.ReceivedBy, .. Readers.Select(r => r.UserName)], cancellationToken);
        return true;
    }
}
