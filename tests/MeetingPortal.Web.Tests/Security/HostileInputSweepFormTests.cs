using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MeetingPortal.Web.Tests.Support;
using Xunit.Abstractions;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 14, item 5, the forms: every page of the endpoint list is opened by a user who may open it, and every form it
/// draws (one per button that posts elsewhere) is posted with each hostile value in every field at once, then with
/// the most dangerous values in one field at a time while the others keep what the page drew, so the form gets past
/// its other checks. No answer may be 500 or more. On its own portal, since posts change records.
/// </summary>
public sealed partial class HostileInputSweepFormTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const string AntiforgeryField = "__RequestVerificationToken";
    private const string OneTimeField = "__FormToken";

    [Fact]
    public async Task No_field_of_any_form_answers_500()
    {
        var routes = await EndpointInputs.ReadAsync(factory.Services);
        var records = await PortalRoutes.RecordsAsync(factory, HostileInputSweepTests.ManagedAccount);
        var sweep = new HostileSweep(factory);
        var pages = new HashSet<string>(StringComparer.Ordinal);
        var forms = new HashSet<string>(StringComparer.Ordinal);
        var alone = new HashSet<string>(StringComparer.Ordinal);
        // Administration last: a merge or a deactivation there must not take away what the other pages show.
        foreach (var route in routes.Where(r => r.Page is not null).OrderBy(r => r.Route.StartsWith("Admin", StringComparison.Ordinal)))
        {
            if (!pages.Add(route.Page!))
            {
                continue;
            }

            var user = PortalRoutes.OpenedBy(route.Route) ?? throw new InvalidOperationException($"No user opens {route.Route}.");
            var url = PortalRoutes.Url(route.Route, records);
            var page = await sweep.GetAsync(user, url, "the page");
            if (page is not { StatusCode: HttpStatusCode.OK } || page.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (var form in HtmlForm.AllFrom(Html.Parse(await page.Content.ReadAsStringAsync()), url))
            {
                // The same form on many pages (signing out) or many rows (one per notification) is swept once.
                if (forms.Add(Digits().Replace(form.Action, "#") + "|" + string.Join(",", form.Fields.Keys.Order(StringComparer.Ordinal))))
                {
                    await SweepAsync(sweep, user, form, alone);
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} pages, {forms.Count} forms, {sweep.Requests} requests in {sweep.Elapsed.TotalSeconds:0.0} s"));
        Assert.True(sweep.Failures.Count == 0, sweep.Report("requests"));
    }

    /// <param name="alone">The fields already sent alone, each with the form it belongs to.</param>
    private static async Task SweepAsync(HostileSweep sweep, string user, HtmlForm form, HashSet<string> alone)
    {
        if (form.Action.StartsWith("/Account/SignOut", StringComparison.OrdinalIgnoreCase))
        {
            // Signing out has no field of its own, and ends the session it is posted in: one post, in a session of its own.
            await sweep.PostAloneAsync(user, form.Action, form.Fields, "sign out");
            return;
        }

        var fields = form.Fields.Keys.Where(k => k is not (AntiforgeryField or OneTimeField)).ToList();
        // Wrong current passwords end the session they are posted in (issue 14, item 3): each post has a session of its own.
        var changesPassword = form.Action.StartsWith("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase);
        foreach (var value in fields.Count == 0 ? [] : HostileInputs.Values)
        {
            await PostAsync(sweep, user, form, fields.ToDictionary(f => f, _ => value), $"every field={HostileInputs.Label(value)}", changesPassword);
        }

        // A form with the same list rows is the same form drawn by another page (the meeting form on Create and on Edit):
        // each of its fields is sent alone once. Rows after the first (Input.Speeches[3].Content) bind as the first does.
        var identity = form.Fields.Keys.FirstOrDefault(k => k.Contains("[0]", StringComparison.Ordinal)) is { } row
            ? "rows of " + row.Split('.')[0]
            : Digits().Replace(form.Action, "#");
        foreach (var field in fields.Where(f => !LaterRow().IsMatch(f) && alone.Add(identity + "|" + f)).Append(OneTimeField))
        {
            foreach (var value in HostileInputs.PerField)
            {
                await PostAsync(sweep, user, form, new Dictionary<string, string> { [field] = value }, $"{field}={HostileInputs.Label(value)}", changesPassword);
            }
        }
    }

    private static async Task PostAsync(HostileSweep sweep, string user, HtmlForm form, Dictionary<string, string> changed, string sent, bool alone)
    {
        // Each post gets a one-time token of its own (a page draws a new one each time), unless the token is under test.
        var fields = form.Fields.Select(f => KeyValuePair.Create(f.Key, changed.TryGetValue(f.Key, out var value) ? value : f.Key == OneTimeField ? Guid.NewGuid().ToString() : f.Value))
            .Concat(changed.Where(c => !form.Fields.ContainsKey(c.Key)))
            .ToList();
        await (alone ? sweep.PostAloneAsync(user, form.Action, fields, sent) : sweep.PostAsync(user, form.Action, fields, sent));
    }

    [GeneratedRegex("\\d+")]
    private static partial Regex Digits();

    [GeneratedRegex("\\[[1-9][0-9]*\\]")]
    private static partial Regex LaterRow();
}
