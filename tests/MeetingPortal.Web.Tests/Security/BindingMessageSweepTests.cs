using System.Net;
using System.Text.RegularExpressions;
using HtmlAgilityPack;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 18 trial, FAIL 4: a bad date in the bulk form read "Giá trị «2027-02-30» không hợp lệ cho DueOn.", a forged
/// kind "… cho Kind.", a forged unit "… cho UnitId.". Every form of the pages issue 18 added (bulk actions, answer
/// templates, the raising side, the dialogue plan, a meeting's results) is opened by a user who may use it, and each of
/// its fields that is not free text (a date, a number, a choice, a hidden id or version, a checkbox) is posted alone
/// with a value that cannot be read, the others as the page drew them. Every message the answer shows (beside a field
/// or in the summary) must be Vietnamese and name no C# property. Mirrors <see cref="HostileInputSweepFormTests"/>,
/// on its own portal, since posts change records.
/// </summary>
public sealed partial class BindingMessageSweepTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string AntiforgeryField = "__RequestVerificationToken";
    private const string OneTimeField = "__FormToken";

    /// <summary>The routes of the endpoint list that issue 18 added pages on.</summary>
    private static readonly string[] Issue18Routes = ["Recommendations/Templates", "Raising", "Plans", "Meetings/{id:int}/Results"];

    [Fact]
    public async Task No_message_of_an_issue_18_form_names_a_field_by_its_CSharp_name()
    {
        var records = await PortalRoutes.RecordsAsync(factory);
        var kyPhuong = factory.WithDb(db => db.Recommendations
            .Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Meeting.Status == Domain.Meetings.MeetingStatus.Published)
            .OrderBy(r => r.Id).Take(2).Select(r => r.Id).ToList());
        var ids = string.Join("&", kyPhuong.Select(id => $"ids={id}"));
        var pages = new List<(string User, string Url)>
        {
            // The bulk forms, as the trial opened them: the town's tracker assigns, forwards and closes, the ward's responder answers.
            ("theodoi.kyanh", $"/Recommendations/Bulk?act=assign&{ids}"),
            ("theodoi.kyanh", $"/Recommendations/Bulk?act=forward&{ids}"),
            ("theodoi.kyanh", $"/Recommendations/Bulk?act=close&{ids}"),
            ("traloi.kyphuong", $"/Recommendations/Bulk?act=answer&{ids}"),
            // A tracker adds templates for the units of the scope (the unit is chosen).
            ("theodoi.kyanh", "/Recommendations/Templates"),
            ("theodoi.kyanh", $"/Recommendations/Templates/{records.Template}"),
        };
        pages.AddRange(PortalRoutes.Matrix.Keys
            .Where(route => Issue18Routes.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(route => (PortalRoutes.OpenedBy(route) ?? throw new InvalidOperationException($"No user opens {route}."), PortalRoutes.Url(route, records))));

        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var swept = new HashSet<string>(StringComparer.Ordinal);
        var shown = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var wrong = new List<string>();
        var messages = 0;
        foreach (var (user, url) in pages)
        {
            if (!clients.TryGetValue(user, out var client))
            {
                client = clients[user] = await factory.SignInAsync(user);
            }

            var page = await client.GetAsync(url);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var html = Html.Parse(await page.Content.ReadAsStringAsync());
            var typed = TypedFields(html);
            foreach (var form in HtmlForm.AllFrom(html, url).Where(f => Issue18Action().IsMatch(f.Action)))
            {
                foreach (var field in form.Fields.Keys.Where(typed.ContainsKey).ToList())
                {
                    // The same form on several pages or rows (one per item, one per id) is swept once per field.
                    if (!swept.Add(Digits().Replace(form.Action, "#") + "|" + field))
                    {
                        continue;
                    }

                    var value = typed[field] == "date" ? "2027-02-30" : "Bogus";
                    var fields = form.Fields.Select(f => KeyValuePair.Create(f.Key, f.Key == field ? value : f.Key == OneTimeField ? Guid.NewGuid().ToString() : f.Value)).ToList();
                    var answer = await client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
                    if (answer.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }

                    foreach (var message in Messages(Html.Parse(await answer.Content.ReadAsStringAsync())))
                    {
                        messages++;
                        (shown.TryGetValue(field, out var said) ? said : shown[field] = []).Add(message);
                        if (NamesCode(message, field) is { } code)
                        {
                            wrong.Add($"{form.Action} [{field}={value}]: «{message}» names {code}");
                        }
                        else if (!Vietnamese().IsMatch(message))
                        {
                            wrong.Add($"{form.Action} [{field}={value}]: «{message}» is not Vietnamese");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{swept.Count} fields posted, {messages} messages read");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Distinct()));
        // The sweep reached the trial's four cases, and each message names its field as the form labels it.
        foreach (var (field, label) in new[] { ("Input.DueOn", "Hạn giải quyết"), ("Input.RespondedOn", "Ngày trả lời"), ("Input.Kind", "Hình thức trả lời"), ("Input.UnitId", "Đơn vị") })
        {
            Assert.True(shown.TryGetValue(field, out var said), $"No message was shown for {field}.");
            Assert.Contains(said, m => m.Contains(label, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A field the sweep cannot reach (a handler's parameter, a page whose binding error the page words itself) keeps no
    /// C# name either: without a Display name, the name a binding message gets is empty, and the message names no field.
    /// </summary>
    [Fact]
    public void A_property_without_a_Display_name_has_an_empty_display_name()
    {
        var metadata = factory.Services.GetRequiredService<IModelMetadataProvider>();

        Assert.Equal(string.Empty, metadata.GetMetadataForProperty(typeof(Sample), nameof(Sample.Unlabelled)).GetDisplayName());
        Assert.NotEqual(string.Empty, metadata.GetMetadataForProperty(typeof(Sample), nameof(Sample.Labelled)).GetDisplayName());
    }

    private sealed class Sample
    {
        public int Unlabelled { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Form.DueOn")]
        public DateOnly? Labelled { get; set; }
    }

    /// <summary>
    /// The fields of the page that are not free text, by name, with their kind ("date", "number", "hidden", "select",
    /// "checkbox", …): those a value that cannot be read is refused for.
    /// </summary>
    private static Dictionary<string, string> TypedFields(HtmlDocument page)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in page.DocumentNode.SelectNodes("//input[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            var type = input.GetAttributeValue("type", "text");
            var name = input.GetAttributeValue("name", "");
            if (type is "date" or "number" or "hidden" or "checkbox" or "radio" or "month" or "time" && name is not (AntiforgeryField or OneTimeField))
            {
                fields[name] = type;
            }
        }

        foreach (var select in page.DocumentNode.SelectNodes("//select[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            fields[select.GetAttributeValue("name", "")] = "select";
        }

        return fields;
    }

    /// <summary>The messages an answer shows: beside a field and in the error summary.</summary>
    private static IEnumerable<string> Messages(HtmlDocument page) =>
        (page.DocumentNode.SelectNodes("//*[contains(concat(' ', @class, ' '), ' field-error ')] | //*[contains(concat(' ', @class, ' '), ' error-summary ')]//li")
            ?? Enumerable.Empty<HtmlNode>())
        .Select(n => WebUtility.HtmlDecode(n.InnerText).Trim())
        .Where(t => t.Length > 0);

    /// <summary>
    /// The C# name <paramref name="message"/> shows, if any: a name in PascalCase of two words or more ("DueOn"), or the
    /// posted field's own name ("Kind", "version").
    /// </summary>
    private static string? NamesCode(string message, string field)
    {
        if (CompoundName().Match(message) is { Success: true } compound)
        {
            return compound.Value;
        }

        var own = field.Split('.')[^1].Split('[')[0];
        return own.Length >= 3 && Regex.IsMatch(message, $@"\b{Regex.Escape(own)}\b") ? own : null;
    }

    [GeneratedRegex(@"^/(Recommendations/(Bulk|Templates)|Raising|Plans|Meetings/\d+/Results)(\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Issue18Action();

    [GeneratedRegex(@"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex CompoundName();

    // A Vietnamese letter with its marks (ă, đ, ơ, ư, à, ế…): English and C# names have none.
    [GeneratedRegex("[À-ỹ]")]
    private static partial Regex Vietnamese();

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();
}
