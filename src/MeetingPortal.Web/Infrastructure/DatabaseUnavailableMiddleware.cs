using System.Data.Common;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// When the database does not answer, the user gets a 503 page saying so (the status page renders
/// it), not an error page: nothing was half-written, since every save is one transaction.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    private static readonly object FailureItem = new();

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex) && !context.Response.HasStarted)
        {
            Answer(context, ex);
            return;
        }

        // A failure met on the way in (reading the session) let the request go on unauthenticated; it still answers 503.
        if (context.Items.Remove(FailureItem, out var failure) && failure is Exception remembered && !context.Response.HasStarted)
        {
            Answer(context, remembered);
        }
    }

    /// <summary>
    /// Notes that the database failed while reading what the request came with (the sign-in session). The caller goes
    /// on as if nothing was found; the answer becomes the 503 page, whose own rendering then needs no database.
    /// </summary>
    public static void Remember(HttpContext context, Exception failure) => context.Items[FailureItem] = failure;

    private void Answer(HttpContext context, Exception failure)
    {
        logger.LogError(failure, "The database did not answer {Method} {Path}", context.Request.Method, context.Request.Path.Value);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "60";
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
