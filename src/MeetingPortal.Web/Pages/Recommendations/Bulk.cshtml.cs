using System.ComponentModel.DataAnnotations;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>
/// Work in bulk (issue 18 part 4, ADR 0025 section 4): the recommendations ticked in the tracker or the responder's queue,
/// the form of the action chosen (assign, forward, close, answer with one text), and after posting what was done and what
/// was refused, each item by its label and link with the reason. Refused input comes back beside its field with the
/// selection and the text kept and nothing changed. Who may act on each item is the use case's question, item by item, so
/// the page itself is only signed-in (an item out of scope is refused in the list, never shown).
/// </summary>
[Authorize]
public sealed class BulkModel(MeetingPortalDbContext db, AnswerTemplates answerTemplates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The answer template chosen in the answer form ("Dùng mẫu").</summary>
    [BindProperty]
    [Display(Name = "Template.Label")]
    public int? TemplateId { get; set; }

    /// <summary>The answer templates the user reads, offered in the answer form.</summary>
    public IReadOnlyList<AnswerTemplateRow> Templates { get; private set; } = [];

    /// <summary>The actions a bulk form offers, as the <c>act</c> parameter names them.</summary>
    public static readonly IReadOnlyList<string> Actions = ["assign", "forward", "close", "answer"];

    /// <summary>The action chosen (one of <see cref="Actions"/>), or null when none or an unknown one was asked.</summary>
    [BindProperty(SupportsGet = true, Name = "act")]
    [Display(Name = "Bulk.Action")]
    public string? Action { get; set; }

    /// <summary>The ids ticked; kept through a refused post.</summary>
    [BindProperty(SupportsGet = true, Name = "ids")]
    [Display(Name = "Bulk.Ids")]
    public List<int> Ids { get; set; } = [];

    /// <summary>What is typed for the action (the fields each action needs).</summary>
    [BindProperty]
    public BulkInput Input { get; set; } = new();

    /// <summary>The selected items the user may read, by id, for the list above the form.</summary>
    public IReadOnlyDictionary<int, string> Readable { get; private set; } = new Dictionary<int, string>();

    /// <summary>The bodies the selected items may be given or forwarded to: those of their raising units and the units above.</summary>
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    /// <summary>The outcome once posted; null before.</summary>
    public BulkResult? Result { get; private set; }

    /// <summary>The page the user came from, to go back to.</summary>
    public string BackPage => Action == "answer" ? "/Recommendations/Queue" : "/Recommendations/Index";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Normalise();
        if (Action is null)
        {
            ModelState.AddModelError(nameof(Action), localizer["Bulk.UnknownAction"]);
        }

        if (Ids.Count == 0)
        {
            ModelState.AddModelError("Ids", localizer["Bulk.NoSelection"]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync([FromServices] BulkAssignRecommendations useCase, CancellationToken cancellationToken) =>
        RunAsync("assign", () => useCase.ExecuteAsync(User, new BulkAssignCommand(Ids, Input.OrganisationId, Input.DueOn), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostForwardAsync([FromServices] BulkForwardRecommendations useCase, CancellationToken cancellationToken) =>
        RunAsync("forward", () => useCase.ExecuteAsync(User, new BulkForwardCommand(Ids, Input.OrganisationId, Input.DueOn, Input.Reason), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync([FromServices] BulkCloseRecommendations useCase, CancellationToken cancellationToken) =>
        RunAsync("close", () => useCase.ExecuteAsync(User, new BulkCloseCommand(Ids, Input.Note), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync([FromServices] BulkAnswerRecommendations useCase, CancellationToken cancellationToken) =>
        RunAsync("answer", () => useCase.ExecuteAsync(User, new BulkAnswerCommand(Ids, Input.Kind, Input.RespondedOn, Input.Content), cancellationToken), cancellationToken);

    /// <summary>
    /// "Dùng mẫu" on the answer form, without a script: the form again with the chosen template's text as the answer, the
    /// selection, kind and date kept; nothing is tried or saved. A template the user may not read is said beside the choice.
    /// </summary>
    public async Task<IActionResult> OnPostUseTemplateAsync(CancellationToken cancellationToken)
    {
        Action = "answer";
        Ids = Ids.Where(id => id > 0).ToList();
        ModelState.Clear();
        if (await answerTemplates.TextForAsync(User, TemplateId, cancellationToken) is { } text)
        {
            Input.Content = text;
        }
        else
        {
            ModelState.AddModelError(nameof(TemplateId), localizer["Template.Choose"]);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The first message for a field of the form ("Input.DueOn", "Ids", "" for the whole form).</summary>
    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    private async Task<IActionResult> RunAsync(string action, Func<Task<BulkResult>> run, CancellationToken cancellationToken)
    {
        Action = action;
        Ids = Ids.Where(id => id > 0).ToList();
        // A value that did not bind (a bad date, an unknown kind) is said beside its field before anything is tried.
        if (ModelState.IsValid)
        {
            var result = await run();
            if (result.Status == BulkStatus.Invalid)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field is "" or "Ids" ? error.Field : $"{nameof(Input)}.{error.Field}", error.Message);
                }
            }
            else
            {
                Result = result;
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, error.Message);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private void Normalise()
    {
        Action = Action is { } a && Actions.Contains(a) ? a : null;
        Ids = Ids.Where(id => id > 0).ToList();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Only what the user may read is shown of the selection: an item out of scope shows as its number only.
        var distinct = Ids.Distinct().Take(BulkRecommendationChange.MaxItems + 1).ToList();
        var scope = User.GetScopeOrNone();
        var items = await db.Recommendations.AsNoTracking().InScope(scope).Where(r => distinct.Contains(r.Id))
            .Select(r => new { r.Id, r.Content, r.Meeting!.Unit!.Path })
            .ToListAsync(cancellationToken);
        Readable = items.ToDictionary(i => i.Id, i => BulkRecommendationChange.Label(i.Content));
        Templates = Action == "answer" ? await answerTemplates.ReadableAsync(User, cancellationToken) : [];
        if (Action is "assign" or "forward")
        {
            // The bodies of every selected item's unit and the units above it (each item's lineage, read from the path
            // already loaded), in one query rather than two per unit of the selection. The items are in scope, so readable.
            var lineage = items.SelectMany(i => Unit.IdsOf(i.Path)).Distinct().ToList();
            Bodies = lineage.Count == 0 ? []
                : (await db.Organisations.AsNoTracking().Where(o => lineage.Contains(o.UnitId)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
                    .Select(o => (o.Id, o.Name)).ByName(o => o.Name);
        }
    }

    /// <summary>What a bulk form posts: the fields of every action, each action reading its own.</summary>
    public sealed class BulkInput
    {
        /// <summary>The body to give or forward to (assign, forward).</summary>
        [Display(Name = "Recommendation.AddressedTo")]
        public int? OrganisationId { get; set; }

        /// <summary>One due date for every item (Vietnam date); blank for each item's rules' date (assign, forward).</summary>
        [Display(Name = "Form.DueOn")]
        public DateOnly? DueOn { get; set; }

        /// <summary>Why they are forwarded (forward; required).</summary>
        [Display(Name = "Action.Reason")]
        public string? Reason { get; set; }

        /// <summary>A note kept with each closing (close; optional).</summary>
        [Display(Name = "Action.Note")]
        public string? Note { get; set; }

        /// <summary>The kind of the one reply (answer).</summary>
        [Display(Name = "Action.ResponseKind")]
        public ResponseKind Kind { get; set; } = ResponseKind.Accepted;

        /// <summary>The reply's date (answer); blank for today.</summary>
        [Display(Name = "Action.RespondedOn")]
        public DateOnly? RespondedOn { get; set; }

        /// <summary>The one reply's text (answer; required).</summary>
        [Display(Name = "Action.ResponseContent")]
        public string? Content { get; set; }
    }
}
