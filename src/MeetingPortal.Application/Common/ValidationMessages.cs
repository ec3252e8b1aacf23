using System.Globalization;
using System.Resources;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Resources;

namespace MeetingPortal.Application.Common;

/// <summary>
/// FluentValidation's built-in rules speak from the portal's one message catalogue (SharedResource*.resx,
/// keys "Validation.{validator}", e.g. "Validation.NotEmptyValidator" = "Vui lòng nhập {Field}."), not from the
/// library's own translations, whose Vietnamese quotes the field name ("'Tên hội nghị' không được rỗng.").
/// </summary>
/// <remarks>
/// Templates may use the library's placeholders ({MaxLength}, {From}, {To}, {ComparisonValue} …) and {Field}: the
/// field's label as it reads mid-sentence (first letter lower-cased unless the label starts with an acronym), so
/// "Tên hội nghị" gives "Vui lòng nhập tên hội nghị.". A validator with no template in the catalogue falls back to
/// the library's text; the sweep test of rendered pages (PortalWordingTests) catches its quotes.
/// </remarks>
public static class ValidationMessages
{
    /// <summary>Prefix of the catalogue's keys for FluentValidation's validators.</summary>
    public const string KeyPrefix = "Validation.";

    private static readonly ResourceManager Catalogue =
        new("MeetingPortal.Application.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>
    /// Sets FluentValidation's global language manager and message formatter once, at start (they are process-wide
    /// statics of the library); the request's UI culture still picks Vietnamese or English.
    /// </summary>
    public static void UseEverywhere()
    {
        ValidatorOptions.Global.LanguageManager = new CatalogueLanguageManager();
        ValidatorOptions.Global.MessageFormatterFactory = () => new FieldMessageFormatter();
    }

    /// <summary>A field's label as it reads inside a sentence: "Tên hội nghị" → "tên hội nghị"; "CCCD" stays.</summary>
    public static string MidSentence(string label)
    {
        if (label.Length == 0 || !char.IsUpper(label[0]))
        {
            return label;
        }

        // A label opening with an acronym ("CCCD", "JSON") keeps its capitals.
        if (label.Length > 1 && char.IsUpper(label[1]))
        {
            return label;
        }

        return char.ToLower(label[0], CultureInfo.InvariantCulture) + label[1..];
    }

    private sealed class CatalogueLanguageManager : LanguageManager
    {
        public override string GetString(string key, CultureInfo? culture = null)
        {
            var template = Catalogue.GetString(KeyPrefix + key, culture ?? CultureInfo.CurrentUICulture);
            return string.IsNullOrEmpty(template) ? base.GetString(key, culture) : template;
        }
    }

    private sealed class FieldMessageFormatter : MessageFormatter
    {
        public override string BuildMessage(string messageTemplate)
        {
            if (PlaceholderValues.TryGetValue("PropertyName", out var name) && name is string label)
            {
                AppendArgument("Field", MidSentence(label));
            }

            return base.BuildMessage(messageTemplate);
        }
    }
}
