using System.Globalization;
using System.Text.RegularExpressions;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 14, item 5: <c>/Reports/Quarterly?year=1945</c> answered 500, and it was one of a kind. Every route of the
/// endpoint list, opened by a user who may open it, gets each hostile value (<see cref="HostileInputs.Values"/>) in
/// each query parameter its GET handlers bind, in each route value, in the handler name, and in each parameter of its
/// POST handlers; no answer may be 500 or more. The forms the pages draw are swept by
/// <see cref="HostileInputSweepFormTests"/>.
/// </summary>
public sealed class HostileInputSweepTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    /// <summary>The account <c>Admin/Users/{id:guid}</c> opens: one the sweep never signs in as, since a post may deactivate it.</summary>
    internal const string ManagedAccount = "theodoi.kyphuong";

    [Fact]
    public async Task Every_route_of_the_endpoint_list_has_a_user_who_may_open_it()
    {
        var routes = await EndpointInputs.ReadAsync(factory.Services);

        var unopened = routes.Where(r => PortalRoutes.OpenedBy(r.Route) is null).Select(r => r.Route).ToList();

        Assert.True(routes.Count > 40, $"Only {routes.Count} routes were found.");
        Assert.True(unopened.Count == 0, "Routes the sweep cannot open (add them to PortalRoutes.Matrix with a user in scope): " + string.Join(", ", unopened));
    }

    [Fact]
    public async Task No_query_parameter_route_value_or_handler_parameter_answers_500()
    {
        var routes = await EndpointInputs.ReadAsync(factory.Services);
        var records = await PortalRoutes.RecordsAsync(factory, ManagedAccount);
        var sweep = new HostileSweep(factory);
        var gets = new List<(string User, string Url, string Sent)>();
        var posts = new List<(string User, string Url, List<EndpointHandler> Handlers)>();
        var swept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var user = PortalRoutes.OpenedBy(route.Route) ?? throw new InvalidOperationException($"No user opens {route.Route}.");
            var url = PortalRoutes.Url(route.Route, records);
            gets.Add((user, url, "nothing"));

            foreach (var parameter in route.RouteParameters)
            {
                // A NUL in a path never reaches the portal: Kestrel answers 400 itself, and the test host refuses to send it.
                foreach (var value in HostileInputs.Values.Where(v => !v.Contains('\0', StringComparison.Ordinal)))
                {
                    var template = Regex.Replace(route.Route, "\\{" + parameter + "(:[^}]*)?\\}", Uri.EscapeDataString(value));
                    gets.Add((user, PortalRoutes.Url(template, records), $"route {parameter}={HostileInputs.Label(value)}"));
                }
            }

            // A page reached by two routes ("Meetings" and "Meetings/Index") binds the same inputs: swept once.
            if (route.Page is null || !swept.Add(route.Page))
            {
                continue;
            }

            foreach (var value in HostileInputs.Values)
            {
                gets.Add((user, Query(url, ("handler", value)), $"handler={HostileInputs.Label(value)}"));
            }

            foreach (var handler in route.Handlers.Where(h => HttpMethods.IsGet(h.HttpMethod)))
            {
                foreach (var input in handler.Inputs)
                {
                    // A named handler (an export) binds the page's filters as the page does: they get the sharpest values
                    // there (an export of 1945 answered 500 too), its own parameters (the format) get every value.
                    var own = handler.Name is null || handler.Parameters.Contains(input, StringComparer.OrdinalIgnoreCase);
                    foreach (var value in own ? HostileInputs.Values : HostileInputs.PerField)
                    {
                        gets.Add((user, Query(url, ("handler", handler.Name), (input, value)), $"{input}={HostileInputs.Label(value)}"));
                    }
                }
            }

            posts.Add((user, url, route.Handlers.Where(h => HttpMethods.IsPost(h.HttpMethod)).ToList()));
        }

        await sweep.GetAllAsync(gets);
        foreach (var (user, url, handlers) in posts)
        {
            await PostHandlerParametersAsync(sweep, user, url, handlers);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{routes.Count} routes, {swept.Count} pages, {sweep.Requests} requests in {sweep.Elapsed.TotalSeconds:0.0} s"));
        Assert.True(sweep.Failures.Count == 0, sweep.Report("requests"));
    }

    /// <summary>
    /// Each parameter of each POST handler (an id, a version, a choice) alone with each value, and each value as the
    /// handler's name, with the session's antiforgery token and a fresh one-time token, so the handler runs.
    /// </summary>
    private static async Task PostHandlerParametersAsync(HostileSweep sweep, string user, string url, List<EndpointHandler> handlers)
    {
        if (handlers.Count == 0)
        {
            return;
        }

        var token = await sweep.AntiforgeryTokenAsync(user);
        IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", token))
                .Append(KeyValuePair.Create("__FormToken", Guid.NewGuid().ToString()));

        foreach (var value in HostileInputs.Values)
        {
            await sweep.PostAsync(user, Query(url, ("handler", value)), Fields(), $"POST handler={HostileInputs.Label(value)}");
        }

        foreach (var handler in handlers)
        {
            // Bodies no form reader can read: cut off before the closing boundary, a header line that is not one, a NUL.
            foreach (var (contentType, body) in HostileInputs.UnreadableBodies)
            {
                await sweep.PostBodyAsync(user, Query(url, ("handler", handler.Name)), contentType, body, $"{handler.Name ?? "(default)"}: body {contentType.Split(';')[0]} {HostileInputs.Label(body)}");
            }

            foreach (var parameter in handler.Parameters)
            {
                foreach (var value in HostileInputs.Values)
                {
                    await sweep.PostAsync(user, Query(url, ("handler", handler.Name)), Fields((parameter, value)), $"{handler.Name ?? "(default)"}: {parameter}={HostileInputs.Label(value)}");
                }
            }
        }
    }

    private static string Query(string url, params (string Name, string? Value)[] values)
    {
        var query = string.Join("&", values.Where(v => v.Value is not null).Select(v => $"{Uri.EscapeDataString(v.Name)}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }
}
