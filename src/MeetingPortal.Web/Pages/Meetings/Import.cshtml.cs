using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Administrators and Recorders upload interchange files; each file is imported in its own
/// transaction and reported: what was created, what was skipped as a duplicate, what was refused and why.
/// </summary>
[RequestSizeLimit(MaxFiles * MaxFileBytes)]
public sealed class ImportModel(InterchangeImporter importer, IStringLocalizer<SharedResource> localizer, ILogger<ImportModel> logger) : PageModel
{
    public const int MaxFiles = 20;
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public IReadOnlyList<ImportResult> Results { get; private set; } = [];

    private bool MayImport => User.IsInRole(Roles.Recorder) || User.IsInRole(Roles.Administrator);

    public IActionResult OnGet() => MayImport ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (!MayImport)
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

        var scope = User.GetScopeOrNone();
        var options = new ImportOptions(scope.Covers, AllowReferenceData: User.IsInRole(Roles.Administrator));
        var results = new List<ImportResult>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > MaxFileBytes)
            {
                var tooBig = new ImportResult(name);
                tooBig.Errors.Add(localizer["Import.TooLarge", MaxFileBytes / 1024 / 1024]);
                results.Add(tooBig);
                continue;
            }

            using var reader = new StreamReader(file.OpenReadStream());
            var json = await reader.ReadToEndAsync(cancellationToken);
            results.Add(await importer.ImportJsonAsync(json, name, options, cancellationToken));
        }

        logger.LogInformation("User {UserName} imported {Files} files: {Created} meetings created",
            User.Identity?.Name, results.Count, results.Sum(r => r.Created.Count(c => !c.StartsWith("unit ", StringComparison.Ordinal))));
        Results = results;
        return Page();
    }
}
