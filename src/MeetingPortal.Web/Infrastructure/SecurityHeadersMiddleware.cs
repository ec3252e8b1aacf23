namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Headers every answer carries. The pages use no inline script or style, so the policy needs no
/// 'unsafe-inline'; frames are refused so no other site can wrap the portal. Every answer to a signed-in user
/// (pages, exports, minutes, attachments) is marked no-store, decided as the answer starts so that no handler can
/// forget it (issue 14, item 4: the downloads were cacheable); static files come before sign-in and stay cacheable.
/// All of them are written as the answer starts, so error answers carry them too (issue 14, item 8).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the answer starts: an answer cleared on the way (an error, the database-unavailable page) keeps them.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store, no-cache";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
