using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>The interchange JSON Schema, embedded from docs/interchange so that code and docs cannot drift.</summary>
public static class InterchangeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Text));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>The schema's text (draft-07), as published in docs/interchange/meeting-portal.schema.json.</summary>
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

    /// <summary>
    /// Checks a document against the schema. Returns one line per violation, each starting with the
    /// path of the value at fault (<c>#/meetings[0].heldOn: ...</c>); empty when the text is valid.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON at all.</exception>
    public static IReadOnlyList<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return [];
        }

        // The list format gives every failing keyword with the location it failed at; an anyOf's own
        // "no branch matched" is kept beside its branches' reasons, as each branch may be the one meant.
        return (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{Path(detail.InstanceLocation)}: {error.Key}: {error.Value}"))
            .Distinct()
            .ToList();
    }

    // "/meetings/0/heldOn" is shown as "#/meetings[0].heldOn", the form the import report has always used.
    private static string Path(Json.Pointer.JsonPointer location)
    {
        var text = new StringBuilder("#");
        for (var i = 0; i < location.SegmentCount; i++)
        {
            var segment = location[i].ToString();
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                text.Append('[').Append(segment).Append(']');
            }
            else
            {
                text.Append(i == 0 ? "/" : ".").Append(segment);
            }
        }

        return text.ToString();
    }
}
