using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// A post that names no handler the page has (a hand-made "?handler=Bogus", a page that takes no posts) answers
/// 404. Without this, Razor Pages draws the page without running any handler, so nothing it shows was loaded and
/// a detail page answered 500; and on a page with an unnamed post handler it runs that one instead: a post to
/// "/Meetings/Create?handler=Check" saved the meeting before the page had a Check handler (issue 17, found with
/// deliver 2).
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && (context.HandlerMethod is null || !NamesSelected(context)))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }

    /// <summary>Whether the handler run is the one the request named: none named, or the same name (any case).</summary>
    private static bool NamesSelected(PageHandlerExecutingContext context)
    {
        var asked = context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } routed ? routed : context.HttpContext.Request.Query["handler"].FirstOrDefault();
        return string.IsNullOrEmpty(asked) || string.Equals(asked, context.HandlerMethod!.Name, StringComparison.OrdinalIgnoreCase);
    }
}
