using System.Globalization;
using System.Text.Json;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Downloads meetings as an interchange JSON file: one meeting (/Meetings/Export?id=) or the list as
/// filtered (same query string as /Meetings). Both stay inside the user's scope. Format version 4 options:
/// <c>reference=true</c> adds the reference data of the user's scope (levels, themes, units with their names over time,
/// organisations' histories, reorganisations: what a fresh installation needs to read the records under the names of their
/// day; only the top administrator imports it), <c>documents=true</c> adds each approved minutes' stored DOCX and signed scan.
/// </summary>
public sealed class ExportModel(MeetingPortalDbContext db, InterchangeExporter exporter, IValidator<MeetingFilter> validator, TimeProvider timeProvider) : PageModel
{
    public const int MaxMeetings = 5_000;

    [BindProperty(SupportsGet = true)]
    public MeetingFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, bool reference, bool documents, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !(await validator.ValidateAsync(Filter, cancellationToken)).IsValid)
        {
            return BadRequest();
        }

        var scope = User.GetScopeOrNone();
        var query = await Filter.ApplyAsync(db, scope, cancellationToken);
        if (id is { } meetingId)
        {
            query = query.Where(m => m.Id == meetingId);
        }

        // No relevance order here (no db given): the file lists meetings by date whatever the list showed.
        var document = await exporter.ExportAsync(Filter.Order(query).Take(MaxMeetings), new InterchangeExportOptions(reference && scope.UnitId != 0, documents, scope.Path, Plans: id is null && scope.UnitId != 0), cancellationToken);
        if (id is not null && document.Meetings!.Count == 0)
        {
            return NotFound();
        }

        var name = id is null
            ? $"hoi-nghi-{VietnamTime.DateAt(timeProvider.GetUtcNow()):yyyy-MM-dd}.json"
            : $"hoi-nghi-{id.Value.ToString(CultureInfo.InvariantCulture)}-{document.Meetings![0].HeldOn:yyyy-MM-dd}.json";
        return File(JsonSerializer.SerializeToUtf8Bytes(document, InterchangeDocument.JsonOptions), "application/json", name);
    }
}
