using System.Diagnostics;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// One line per request with status and time. Only the path is logged: query strings can carry
/// search terms and names, which are personal data.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed);
        }
    }
}
