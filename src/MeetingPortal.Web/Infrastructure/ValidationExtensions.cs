using FluentValidation.Results;
using MeetingPortal.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>The first message for a field, for forms whose inputs are named by hand.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Copies failures into ModelState under the input model's prefix, so each shows beside its field.</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName
                : string.IsNullOrEmpty(error.PropertyName) ? prefix
                : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }

    /// <summary>The answer to a use case that refused before looking at the input: 404 (not found or out of scope), 403 (role), otherwise null.</summary>
    public static IActionResult? RefusalFor(this PageModel page, UseCaseResult result) => result.Status switch
    {
        UseCaseStatus.NotFound => page.NotFound(),
        UseCaseStatus.Forbidden => page.Forbid(),
        _ => null,
    };

    /// <summary>
    /// The one way a page answers a use case: done goes to <paramref name="done"/> (a redirect with its message);
    /// a refusal is 404 or 403; refused input or a stale version puts each message beside its field under
    /// <paramref name="prefix"/> and shows the page again through <paramref name="show"/>, everything typed kept.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync(this PageModel page, UseCaseResult result, string prefix, Func<IActionResult> done, Func<Task<IActionResult>> show)
    {
        if (result.Succeeded)
        {
            return done();
        }

        if (page.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        result.AddTo(page.ModelState, prefix);
        return await show();
    }

    /// <summary>Copies a use case's messages into ModelState under the input model's prefix ("" for the whole form).</summary>
    public static void AddTo(this UseCaseResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) || string.IsNullOrEmpty(error.Field) ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
