using System.Text.RegularExpressions;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// The field name a model-binding message is given: a property's <c>[Display(Name = "&lt;resource key&gt;")]</c> in
/// words, or, where a property or a handler's parameter has none, its C# name ("DueOn", "version"). A C# name is
/// never shown to a user (issue 18 trial, FAIL 4): the message then names no field.
/// </summary>
public static partial class BindingFieldNames
{
    // Letters, digits and underscores only, in dotted parts: a C# name or a resource key that was not found. A label in
    // words has a space or a Vietnamese letter.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex CodeName();

    /// <summary>
    /// Whether <paramref name="field"/>, as MVC passes it to a binding message, is no label a user can read: empty, or a
    /// C# name or resource key rather than words.
    /// </summary>
    public static bool IsUnlabelled(string? field) => string.IsNullOrWhiteSpace(field) || CodeName().IsMatch(field);
}
