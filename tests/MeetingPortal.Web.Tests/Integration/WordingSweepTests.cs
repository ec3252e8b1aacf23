using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HtmlAgilityPack;
using MeetingPortal.Web.Tests.Support;
using Xunit.Abstractions;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 17, deliver 5: "A test fails when a rendered page contains a resource key, an English enum name or an
/// apostrophe-quoted field name." Every page of the endpoint list, opened by a user who may open it (and the lists and
/// home by every role), and every form on them posted empty (the page that refuses it shows the messages), is read as
/// a person reads it: its text and the attributes a screen reader speaks. Neither may show a resource key, the name of
/// a domain enum member, a field name in FluentValidation's quotes, a demo account's user name where a person's name
/// belongs, or a file of the repository ("tệp seeds/004_….txt" was the "Nguồn" of every seed).
/// </summary>
public sealed partial class WordingSweepTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    /// <summary>Pages that list accounts by their user names, which is what an administrator manages there.</summary>
    private static readonly string[] AccountPages = ["/Admin/Users", "/Admin/Audit", "/Account/SignIn", "/Account/ChangePassword"];

    private static readonly string[] RoleUsers = ["thuky.kyphuong", "theodoi.kyphuong", "traloi.kyphuong", "lanhdao.kyanh", "quantri.hatinh"];

    [Fact]
    public async Task No_page_or_refused_form_shows_a_key_an_enum_name_a_quoted_field_or_a_user_name()
    {
        var routes = await EndpointInputs.ReadAsync(factory.Services);
        var records = await PortalRoutes.RecordsAsync(factory, Security.HostileInputSweepTests.ManagedAccount);
        var sweep = new HostileSweep(factory);
        var findings = new List<string>();
        var pages = 0;
        var forms = new HashSet<string>(StringComparer.Ordinal);

        async Task ReadAsync(string user, string url, HttpResponseMessage? response, string what)
        {
            if (response is not { StatusCode: HttpStatusCode.OK } || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                return;
            }

            pages++;
            var html = await response.Content.ReadAsStringAsync();
            findings.AddRange(Problems(Html.Parse(html), AccountPages.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                .Select(p => $"{what} {url} as {user}: {p}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in routes.Where(r => r.Page is not null).OrderBy(r => r.Route.StartsWith("Admin", StringComparison.Ordinal)))
        {
            if (!seen.Add(route.Page!))
            {
                continue;
            }

            var url = PortalRoutes.Url(route.Route, records);
            var opener = PortalRoutes.OpenedBy(route.Route) ?? throw new InvalidOperationException($"No user opens {route.Route}.");
            var users = PortalRoutes.Matrix[route.Route].Access == RouteAccess.SignedIn ? [opener, .. RoleUsers] : new[] { opener };
            foreach (var user in users)
            {
                var page = await sweep.GetAsync(user, url, "the page");
                await ReadAsync(user, url, page, "GET");
                if (user != opener || page is not { StatusCode: HttpStatusCode.OK } || page.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                foreach (var form in HtmlForm.AllFrom(Html.Parse(await page.Content.ReadAsStringAsync()), url))
                {
                    if (form.Action.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)
                        || !forms.Add(Digits().Replace(form.Action, "#") + "|" + string.Join(",", form.Fields.Keys.Order(StringComparer.Ordinal))))
                    {
                        continue;
                    }

                    // Every field empty, the tokens kept: what a person gets who presses the button on a blank form.
                    var fields = form.Fields.Select(f => KeyValuePair.Create(f.Key, f.Key.StartsWith("__", StringComparison.Ordinal) ? f.Value : string.Empty));
                    await ReadAsync(user, form.Action, await sweep.PostAsync(user, form.Action, fields, "every field empty"), "POST");
                }
            }
        }

        // The national settings' rows of the audit are shown to the country's administrators only (the issue 17 trial
        // found "2027-09-03 Holiday: … (reference.json)" there).
        // Themes' codes ("facilities-equipment") stood in the audit's rows of the imported themes (issue 17 re-trial).
        var themeCodes = factory.WithDb(db => db.Themes.Select(t => t.Code).ToList());
        foreach (var url in new[] { "/Admin/Audit", "/Admin/Audit?what=settings", "/Admin/Audit?what=administration" })
        {
            var response = await sweep.GetAsync("quantri.toanquoc", url, "the page");
            await ReadAsync("quantri.toanquoc", url, response, "GET");
            var text = response is null ? string.Empty : Html.Parse(await response.Content.ReadAsStringAsync()).Text();
            findings.AddRange(themeCodes.Where(code => text.Contains(code, StringComparison.Ordinal)).Select(code => $"GET {url}: theme code \"{code}\""));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages} pages read, {forms.Count} forms posted empty"));
        Assert.True(pages > 80, $"Only {pages} pages were read.");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct().Take(60)));
    }

    [Fact]
    public void The_checks_see_what_they_look_for()
    {
        var page = Html.Parse("""
            <main><p>Trạng thái: Answered</p><p title="Form.Title">x</p><span class="field-error">'Tên hội nghị' không được rỗng.</span>
            <p>thuky.kyphuong · 12/03/2026</p><dd>tệp seeds/004_4ef1fd8b1b9f81f9.txt</dd><p>Lý do: 2022-03-16-tp-ha-tinh-doi-thoai.json</p><script>var Answered = 1;</script></main>
            """);

        var problems = Problems(page, accountPage: false).ToList();

        Assert.Contains(problems, p => p.Contains("enum name \"Answered\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("resource key \"Form.Title\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("quoted field \"'Tên hội nghị'\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("user name \"thuky.kyphuong\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("file \"seeds/004_4ef1fd8b1b9f81f9.txt\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("file \"2022-03-16-tp-ha-tinh-doi-thoai.json\"", StringComparison.Ordinal));
        Assert.Empty(Problems(Html.Parse("<p>Đã trả lời · Nguyễn Văn An · Báo Hà Tĩnh (Baohatinh.vn)</p>"), accountPage: false));
    }

    /// <summary>What a person would read on <paramref name="page"/> that is not Vietnamese prose.</summary>
    private static IEnumerable<string> Problems(HtmlDocument page, bool accountPage)
    {
        foreach (var text in Readable(page))
        {
            foreach (Match key in ResourceKey().Matches(text))
            {
                yield return $"resource key \"{key.Value}\" in \"{Excerpt(text)}\"";
            }

            foreach (Match word in EnglishWord().Matches(text))
            {
                if (EnumNames.Value.Contains(word.Value))
                {
                    yield return $"enum name \"{word.Value}\" in \"{Excerpt(text)}\"";
                }
            }

            foreach (Match quoted in QuotedField().Matches(text))
            {
                yield return $"quoted field \"{quoted.Value}\" in \"{Excerpt(text)}\"";
            }

            if (!accountPage)
            {
                foreach (Match user in DemoUserName().Matches(text))
                {
                    yield return $"user name \"{user.Value}\" in \"{Excerpt(text)}\"";
                }
            }

            foreach (Match file in RepositoryFile().Matches(text))
            {
                yield return $"file \"{file.Value}\" in \"{Excerpt(text)}\"";
            }
        }

        // MVC's client-validation attributes carried its English messages ("The … field is required.") in the markup,
        // for a script the portal does not have (issue 17 trial).
        foreach (var element in page.DocumentNode.Descendants().Where(e => e.Attributes.Any(a => a.Name == "data-val" || a.Name.StartsWith("data-val-", StringComparison.Ordinal))))
        {
            yield return $"client-validation attributes on <{element.Name} name=\"{element.GetAttributeValue("name", "")}\">";
        }
    }

    /// <summary>The page's text nodes outside scripts and styles, and the attributes read aloud or shown on hover.</summary>
    private static IEnumerable<string> Readable(HtmlDocument page)
    {
        foreach (var node in page.DocumentNode.Descendants())
        {
            // The header names the account one is signed in with, user name included: that is where it belongs.
            if (node.NodeType == HtmlNodeType.Text && node.ParentNode?.Name is not ("script" or "style" or "template")
                && !node.ParentNode!.GetClasses().Contains("signed-in-as"))
            {
                var text = HtmlEntity.DeEntitize(node.InnerText).Trim();
                if (text.Length > 0)
                {
                    yield return text;
                }
            }

            foreach (var name in new[] { "title", "aria-label", "placeholder", "alt" })
            {
                if (node.GetAttributeValue(name, null) is { Length: > 0 } value)
                {
                    yield return HtmlEntity.DeEntitize(value);
                }
            }
        }
    }

    private static string Excerpt(string text) => text.Length <= 120 ? text : text[..120] + "…";

    /// <summary>Every member name of the portal's enums (statuses, kinds, roles' operations…), as the code spells them.</summary>
    private static readonly Lazy<HashSet<string>> EnumNames = new(() => typeof(MeetingPortal.Domain.Meetings.Meeting).Assembly.GetTypes()
        .Concat(typeof(MeetingPortal.Application.SharedResource).Assembly.GetTypes())
        .Where(t => t.IsEnum && t.IsPublic)
        .SelectMany(Enum.GetNames)
        // One-word names shorter than five letters ("Year", "Half") are too often ordinary abbreviations to tell apart.
        .Where(n => n.Length >= 5)
        .ToHashSet(StringComparer.Ordinal));

    /// <summary>The first parts of the catalogue's keys ("Form", "Domain", "History"…), read from SharedResource.resx.</summary>
    private static readonly Lazy<Regex> KeyPattern = new(() =>
    {
        var resx = Path.Combine(AppContext.BaseDirectory, "SharedResource.resx");
        var prefixes = XDocument.Load(resx).Root!.Elements("data").Select(d => d.Attribute("name")!.Value.Split('.')[0]).Distinct().Order(StringComparer.Ordinal);
        return new Regex(@"\b(" + string.Join("|", prefixes.Select(Regex.Escape)) + @")\.[A-Z][A-Za-z0-9]*\b", RegexOptions.CultureInvariant);
    });

    private static Regex ResourceKey() => KeyPattern.Value;

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")]
    private static partial Regex EnglishWord();

    /// <summary>FluentValidation's default quoting of a property's display name: 'Tên hội nghị'.</summary>
    [GeneratedRegex(@"(?<!\w)'[^'\s][^'\n]{0,60}?'(?!\w)")]
    private static partial Regex QuotedField();

    [GeneratedRegex(@"\b(?:quantri|thuky|theodoi|traloi|lanhdao)\.[a-z]+\b")]
    private static partial Regex DemoUserName();

    [GeneratedRegex(@"seeds/\S+|\b\S+\.(?:txt|json)\b")]
    private static partial Regex RepositoryFile();

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();
}
