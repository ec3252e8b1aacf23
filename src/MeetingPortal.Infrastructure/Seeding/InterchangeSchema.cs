using NJsonSchema;
using NJsonSchema.Validation;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>The interchange JSON Schema, embedded from docs/interchange so that code and docs cannot drift.</summary>
public static class InterchangeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static string Text
    {
        get
        {
            using var stream = typeof(InterchangeSchema).Assembly.GetManifestResourceStream("MeetingPortal.Interchange.schema.json")
                ?? throw new InvalidOperationException("The interchange schema is not embedded.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Returns one line per violation, each with its JSON path; empty when the text is valid.</summary>
    public static IReadOnlyList<string> Validate(string json) =>
        Flatten(Schema.Value.Validate(json)).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}").Distinct().ToList();

    // An item or anyOf failure wraps the errors that say what is wrong; report those, each with its own path.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.Values.SelectMany(e => e))
            : [error]);

    private static JsonSchema Load() => JsonSchema.FromJsonAsync(Text).GetAwaiter().GetResult();
}
