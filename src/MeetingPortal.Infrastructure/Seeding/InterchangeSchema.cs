using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>The interchange JSON Schema, embedded from docs/interchange so that code and docs cannot drift.</summary>
public static partial class InterchangeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        UseVietnameseMessages();
        return JsonSchema.FromText(Text);
    });

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.Hierarchical };

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
    /// path of the value at fault (<c>#/meetings[0].heldOn: ...</c>), in Vietnamese; empty when the text is valid.
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

        // Only the branches that failed are read. The flat list also held the failed branch of every optional value
        // that passed ("host: phải là null" for a host that is fine), about 33 lines for one wrong title (issue 16,
        // second trial). An optional value is written "anyOf [the value's rule, null]": a wrong value also fails the
        // null branch, so where a location has another reason, the null branch and "no branch matched" are left out.
        var errors = new List<(string Path, string Key, string Value)>();
        Collect(results, errors);
        return errors
            .Distinct()
            .GroupBy(e => e.Path)
            .SelectMany(group =>
            {
                var reasons = group.Where(e => !IsNullBranch(e.Key, e.Value) && e.Key is not ("anyOf" or "oneOf")).ToList();
                return reasons.Count > 0 ? reasons : group.ToList();
            })
            .Select(e => $"{e.Path}: {InWords(e.Value)}")
            .Distinct()
            .ToList();
    }

    /// <summary>The errors of <paramref name="node"/> and of its failed sub-results; a result that passed is not entered.</summary>
    private static void Collect(EvaluationResults node, List<(string Path, string Key, string Value)> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (key, value) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add((Path(node.InstanceLocation), key, value));
        }

        foreach (var detail in node.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    /// <summary>
    /// JSON's type names in Vietnamese ("string" is "chuỗi") and a received value with its letters, not escapes
    /// ("b\u1ED3 c\u00E2u" is "bồ câu"): the templates' tokens are filled by the library in its own words.
    /// </summary>
    private static string InWords(string message)
    {
        var text = EscapedLetter().Replace(message, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        return TypeNames().Replace(text, m =>
        {
            var names = m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries);
            if (!names.All(TypeWords.ContainsKey))
            {
                return m.Value;
            }

            // "boolean, null" is an optional value's type: the value itself is what is asked for.
            var asked = names.Length > 1 ? names.Where(n => n != "null") : names;
            return string.Join(" hoặc ", asked.Select(n => TypeWords[n]));
        });
    }

    private static readonly Dictionary<string, string> TypeWords = new(StringComparer.Ordinal)
    {
        ["string"] = "chuỗi",
        ["integer"] = "số nguyên",
        ["number"] = "số",
        ["boolean"] = "đúng/sai (true/false)",
        ["array"] = "danh sách",
        ["object"] = "đối tượng",
        ["null"] = "rỗng (null)",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial System.Text.RegularExpressions.Regex EscapedLetter();

    [System.Text.RegularExpressions.GeneratedRegex("\"([a-z]+(?:, ?[a-z]+)*)\"")]
    private static partial System.Text.RegularExpressions.Regex TypeNames();

    private static bool IsNullBranch(string keyword, string? message) =>
        keyword == "type" && message is not null && message.EndsWith(NullExpected, StringComparison.Ordinal);

    private const string NullExpected = "phải là \"null\"";

    /// <summary>
    /// The schema's messages in Vietnamese (JsonSchema.Net's <see cref="ErrorMessages"/> templates, whose tokens it
    /// fills); set once, before the schema is first used, as the import report is read by people (issue 16 trial).
    /// </summary>
    private static void UseVietnameseMessages()
    {
        ErrorMessages.Type = "giá trị là kiểu [[received]], phải là [[expected]]";
        ErrorMessages.Enum = "giá trị [[received]] không thuộc các giá trị cho phép [[values]]";
        ErrorMessages.Const = "giá trị phải là [[value]]";
        ErrorMessages.Required = "thiếu trường bắt buộc [[missing]]";
        ErrorMessages.MinLength = "chuỗi dài [[received]] ký tự, phải có ít nhất [[limit]]";
        ErrorMessages.MaxLength = "chuỗi dài [[received]] ký tự, chỉ được tối đa [[limit]]";
        ErrorMessages.Minimum = "giá trị [[received]] nhỏ hơn mức thấp nhất [[limit]]";
        ErrorMessages.Maximum = "giá trị [[received]] lớn hơn mức cao nhất [[limit]]";
        ErrorMessages.ExclusiveMinimum = "giá trị [[received]] phải lớn hơn [[limit]]";
        ErrorMessages.ExclusiveMaximum = "giá trị [[received]] phải nhỏ hơn [[limit]]";
        ErrorMessages.MinItems = "danh sách có [[received]] mục, phải có ít nhất [[limit]]";
        ErrorMessages.MaxItems = "danh sách có [[received]] mục, chỉ được tối đa [[limit]]";
        ErrorMessages.Pattern = "giá trị không đúng dạng quy định ([[pattern]])";
        ErrorMessages.Format = "giá trị không đúng định dạng [[format]]";
        ErrorMessages.FalseSchema = "trường này không có trong định dạng trao đổi (xem docs/interchange.md)";
        ErrorMessages.UniqueItems = "danh sách có mục trùng nhau";
        ErrorMessages.OneOf = "giá trị phải khớp đúng một dạng cho phép (khớp [[count]])";
        ErrorMessages.MultipleOf = "giá trị [[received]] phải là bội của [[divisor]]";
        ErrorMessages.MinProperties = "đối tượng có [[received]] trường, phải có ít nhất [[limit]]";
        ErrorMessages.MaxProperties = "đối tượng có [[received]] trường, chỉ được tối đa [[limit]]";
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
