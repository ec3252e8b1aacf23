namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>
/// The "start from a template" choice of an answer form (ADR 0025 section 4): a select of the templates the user reads and a
/// "Dùng mẫu" button that posts the form to its page's UseTemplate handler, which fills the answer's text and keeps the rest.
/// </summary>
/// <param name="Id">The select's element id; its hint and error ids are made from it.</param>
/// <param name="Templates">The templates offered, grouped by unit in the order given.</param>
/// <param name="Chosen">The template chosen last, kept selected.</param>
/// <param name="Error">The message beside the choice, if any.</param>
public sealed record AnswerTemplateChoice(string Id, IReadOnlyList<AnswerTemplateRow> Templates, int? Chosen, string? Error);
