using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// Sends a sweep's requests, each as the user that may open its route, and keeps every answer of 500 or more (or a
/// request that broke off) with what was sent, so one run reports them all.
/// </summary>
public sealed class HostileSweep(PortalFactory factory)
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _requests;

    /// <summary>Each failure as "METHOD url [what was sent] → status".</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public int Requests => _requests;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>A client signed in as <paramref name="user"/> (anonymous for an empty name), made once per sweep.</summary>
    public Task<HttpClient> ClientAsync(string user) => _clients.GetOrAdd(user, name =>
        name.Length == 0 ? Task.FromResult(factory.CreateBrowserLikeClient()) : factory.SignInAsync(name));

    /// <summary>The antiforgery token of <paramref name="user"/>'s session, for posts built from a handler's parameters.</summary>
    public Task<string> AntiforgeryTokenAsync(string user) => _tokens.GetOrAdd(user, async name =>
        await (await ClientAsync(name)).GetAntiforgeryTokenAsync(name.Length == 0 ? "/Account/SignIn" : "/Account/ChangePassword"));

    /// <summary>A GET of <paramref name="url"/> as <paramref name="user"/>; <paramref name="sent"/> names the input and value under test.</summary>
    public Task<HttpResponseMessage?> GetAsync(string user, string url, string sent) =>
        SendAsync(user, () => new HttpRequestMessage(HttpMethod.Get, url), sent);

    /// <summary>
    /// Many GETs at once, a few at a time: reads do not disturb each other, and the sweep stays within its minute on
    /// two cores. Posts go one by one, as a person sends them.
    /// </summary>
    public Task GetAllAsync(IEnumerable<(string User, string Url, string Sent)> requests) =>
        Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, _) => await GetAsync(request.User, request.Url, request.Sent));

    /// <summary>A form post of <paramref name="fields"/> to <paramref name="url"/> as <paramref name="user"/>.</summary>
    public Task<HttpResponseMessage?> PostAsync(string user, string url, IEnumerable<KeyValuePair<string, string>> fields, string sent) =>
        SendAsync(user, () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, sent);

    /// <summary>A post of a raw <paramref name="body"/> with its own <paramref name="contentType"/> (a form that cannot be read).</summary>
    public Task<HttpResponseMessage?> PostBodyAsync(string user, string url, string contentType, string body, string sent) =>
        SendAsync(user, () =>
        {
            var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        }, sent);

    /// <summary>
    /// A form post in a session made for it alone, with that session's antiforgery token: signing out ends the session
    /// it is posted in, and the sweep's own must go on.
    /// </summary>
    public async Task<HttpResponseMessage?> PostAloneAsync(string user, string url, IEnumerable<KeyValuePair<string, string>> fields, string sent)
    {
        var client = user.Length == 0 ? factory.CreateBrowserLikeClient() : await factory.SignInAsync(user);
        var token = await client.GetAntiforgeryTokenAsync(user.Length == 0 ? "/Account/SignIn" : "/Account/ChangePassword");
        var own = fields.Select(f => f.Key == "__RequestVerificationToken" ? KeyValuePair.Create(f.Key, token) : f);
        return await SendWithAsync(client, new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(own) }, sent);
    }

    private async Task<HttpResponseMessage?> SendAsync(string user, Func<HttpRequestMessage> request, string sent)
    {
        var response = await SendWithAsync(await ClientAsync(user), request(), sent);
        // A post that ended its session (the fifth wrong current password) must not leave the rest of the sweep
        // signed out, where every page would answer a redirect and its forms would go unswept.
        if (user.Length > 0 && response is { StatusCode: HttpStatusCode.Redirect }
            && response.Headers.Location?.OriginalString.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase) == true)
        {
            _clients[user] = factory.SignInAsync(user);
            _tokens.TryRemove(user, out _);
        }

        return response;
    }

    private async Task<HttpResponseMessage?> SendWithAsync(HttpClient client, HttpRequestMessage request, string sent)
    {
        Interlocked.Increment(ref _requests);
        var what = $"{request.Method} {Shorten(request.RequestUri!.OriginalString)} [{sent}]";
        try
        {
            var response = await client.SendAsync(request);
            // An exception after the answer started (an export written as it is sent) surfaces while reading the body.
            await response.Content.LoadIntoBufferAsync();
            if ((int)response.StatusCode >= 500)
            {
                _failures.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{what} → {(int)response.StatusCode}"));
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException)
        {
            _failures.Enqueue($"{what} → {exception.GetType().Name}: {exception.Message}");
            return null;
        }
    }

    /// <summary>A URL as a report shows it: a long value escaped in it is cut.</summary>
    private static string Shorten(string url) => url.Length > 160 ? string.Create(CultureInfo.InvariantCulture, $"{url[..160]}… ({url.Length} chars)") : url;

    /// <summary>The message an assertion shows: how many failed, then each.</summary>
    public string Report(string what) => string.Create(CultureInfo.InvariantCulture,
        $"{_failures.Count} of {Requests} {what} answered 500 or broke off:{Environment.NewLine}{string.Join(Environment.NewLine, _failures.Order(StringComparer.Ordinal))}");

    /// <summary>The status a response had, for a failure message that has no response to show.</summary>
    public static string Status(HttpResponseMessage? response) =>
        response is null ? "no answer" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + (response.StatusCode == HttpStatusCode.Redirect ? " → " + response.Headers.Location : string.Empty);
}
