using MeetingPortal.Application.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// The "Thông báo kết quả giải quyết kiến nghị" of a meeting (issue 18, deliver 5; ADR 0025 section 5): every
/// recommendation raised, by raising body, with its addressed body, latest answer, state and roadmap, for anyone who may
/// read the meeting (404 outside the scope); its DOCX (<see cref="ResultsDocument"/>); and, for the unit's Leaders and
/// Recorders (<see cref="MeetingOperations.PublishResults"/>, 403 for anyone else), the form that publishes the
/// results to the public page and marks which items it shows. A draft has no results yet and says so.
/// </summary>
public sealed class ResultsModel(ResultsNoticeQuery query, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public ResultsNotice Notice { get; private set; } = null!;

    /// <summary>Whether the user may publish the results and mark items public.</summary>
    public bool MayPublish { get; private set; }

    /// <summary>Whether the public page is to be shown, as posted (kept when the post comes back refused).</summary>
    [BindProperty]
    public bool Publish { get; set; }

    /// <summary>The recommendations marked public, as posted.</summary>
    [BindProperty]
    public List<int> PublicItems { get; set; } = [];

    /// <summary>Whether the form shows what was posted (a refused post) rather than what is saved.</summary>
    public bool Posted { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The notice as DOCX, "thong-bao-ket-qua-yyyy-MM-dd-id.docx"; a draft has none and shows the page that says so.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, [FromServices] ResultsDocumentWriter writer, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Notice.HasResults)
        {
            return RedirectToPage(new { id });
        }

        return File(await writer.CreateAsync(Notice, cancellationToken), DocxType,
            $"thong-bao-ket-qua-{Notice.HeldOn:yyyy-MM-dd}-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}.docx");
    }

    /// <summary>Publishes or takes down the public page and sets its items, as of <paramref name="version"/>; refused input comes back beside the form, nothing saved.</summary>
    public async Task<IActionResult> OnPostAsync(int id, int version, [FromServices] PublishResults publish, CancellationToken cancellationToken)
    {
        Posted = true;
        if (!ModelState.IsValid)
        {
            // Values that are no numbers or no yes/no: said once, in Vietnamese, beside the form; nothing saved.
            ModelState.Clear();
            ModelState.AddModelError(nameof(Publish), localizer["Results.BadInput"]);
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            return MayPublish ? Page() : Forbid();
        }

        return await this.AnswerAsync(await publish.SaveAsync(User, id, version, Publish, PublicItems, cancellationToken), string.Empty,
            () =>
            {
                Status = localizer[Publish ? "Results.Done.Published" : "Results.Done.Saved"];
                return RedirectToPage(new { id });
            },
            async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await query.ReadAsync(User, id, cancellationToken) is not { } notice)
        {
            return false;
        }

        Notice = notice;
        MayPublish = await authorization.MayAsync(User, new MeetingResource(notice.UnitPath), MeetingOperations.PublishResults);
        return true;
    }
}
