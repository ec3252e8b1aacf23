using System.Text.Json;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Infrastructure.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Administrators and Recorders upload interchange files (use case <see cref="ImportMeetings"/>); each file is
/// imported in its own transaction and reported: what was created, what was skipped as a duplicate, what was
/// refused and why. The report is kept with the form's one-time token and shown after a redirect, so sending
/// the same upload again (a double click, a reload) shows the same report and imports nothing twice.
/// </summary>
[RequestSizeLimit(MaxPostBytes)]
[PostLimitMessage("Import.TooLargePost", MaxFiles, MaxFileBytes / 1024 / 1024)]
public sealed class ImportModel(ImportMeetings importMeetings, FormSubmissions submissions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxFiles = 20;
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Bytes one upload may have: the most files at their largest, and 1 MB for the form's framing.</summary>
    public const long MaxPostBytes = ((long)MaxFiles * MaxFileBytes) + (1024 * 1024);

    public IReadOnlyList<ImportResult> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? report, CancellationToken cancellationToken)
    {
        if (!await importMeetings.MayImportAsync(User))
        {
            return Forbid();
        }

        if (!string.IsNullOrEmpty(report) && User.Identity?.Name is { } userName
            && await submissions.PayloadAsync(report, userName, cancellationToken) is { } payload)
        {
            Results = JsonSerializer.Deserialize<List<ReportedFile>>(payload)!.Select(f => f.ToResult()).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!await importMeetings.MayImportAsync(User))
        {
            return Forbid();
        }

        files ??= [];
        if (files.Count == 0)
        {
            ModelState.AddModelError("files", localizer["Import.NoFiles"]);
            return Page();
        }

        if (files.Count > MaxFiles)
        {
            ModelState.AddModelError("files", localizer["Import.TooManyFiles", MaxFiles]);
            return Page();
        }

        var results = new List<ImportResult>();
        foreach (var file in files)
        {
            // The whole name, made safe for the report and the log; it is never a path (issue 14, item 7).
            var name = UploadName.Clean(file.FileName, Attachment.FileNameMaxLength);
            if (file.Length > MaxFileBytes)
            {
                var tooBig = new ImportResult(name);
                tooBig.Errors.Add(localizer["Import.TooLarge", MaxFileBytes / 1024 / 1024]);
                results.Add(tooBig);
                continue;
            }

            using var reader = new StreamReader(file.OpenReadStream());
            results.Add(await importMeetings.ImportAsync(User, await reader.ReadToEndAsync(cancellationToken), name, cancellationToken));
        }

        if (HttpContext.Items[OneTimeFormFilter.ItemKey] is string token && User.Identity?.Name is { } user)
        {
            await submissions.SavePayloadAsync(token, user, JsonSerializer.Serialize(results.Select(ReportedFile.From).ToList()), cancellationToken);
            return RedirectToPage(new { report = token });
        }

        // A post without a token (not from this page) gets its report at once.
        Results = results;
        return Page();
    }

    /// <summary>The report of one file as kept between the upload and its redirect.</summary>
    public sealed record ReportedFile(string Source, List<string> Created, List<string> Skipped, List<string> Errors)
    {
        public static ReportedFile From(ImportResult result) => new(result.Source, result.Created, result.Skipped, result.Errors);

        public ImportResult ToResult()
        {
            var result = new ImportResult(Source);
            result.Created.AddRange(Created);
            result.Skipped.AddRange(Skipped);
            result.Errors.AddRange(Errors);
            return result;
        }
    }
}
