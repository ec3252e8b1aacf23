using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// A post that names no handler the page has (a hand-made "?handler=Bogus", a page that takes no posts) answers
/// 404. Without this, Razor Pages draws the page without running any handler, so nothing it shows was loaded and
/// a detail page answered 500.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
