using NJsonSchema;

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
        Schema.Value.Validate(json).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}").ToList();

    private static JsonSchema Load() => JsonSchema.FromJsonAsync(Text).GetAwaiter().GetResult();
}
