using System.Data.Common;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// When the database does not answer, the user gets a 503 page saying so (the status page renders
/// it), not an error page: nothing was half-written, since every save is one transaction.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex) && !context.Response.HasStarted)
        {
            logger.LogError(ex, "The database did not answer {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
        }
    }

    public static bool IsDatabaseFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return true;
            }
        }

        return false;
    }
}
