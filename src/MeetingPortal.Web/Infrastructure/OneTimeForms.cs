using MeetingPortal.Infrastructure.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Gives every form that posts a one-time token (a new GUID each time the page is drawn), so a double click,
/// a browser's resend or a second tab posts the same token twice and <see cref="OneTimeFormFilter"/> acts once.
/// </summary>
[HtmlTargetElement("form")]
public sealed class OneTimeFormTagHelper : TagHelper
{
    /// <summary>The name of the hidden field.</summary>
    public const string FieldName = "__FormToken";

    // After the built-in form tag helper, so its method attribute is final.
    public override int Order => 1_000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("method", out var method)
            && string.Equals(method.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{Guid.NewGuid():N}\">");
        }
    }
}

/// <summary>
/// A post that carries a token already used by the same user changes nothing and is sent where the first
/// post went (or, if the first is still running, after it; 409 if it never finishes). A post that is
/// refused (the page shown again with messages, 404, 403) frees its token, and a replay waiting on it is
/// then acted on itself. Posts without a token, and
/// anonymous posts (signing in), pass as before.
/// </summary>
public sealed class OneTimeFormFilter(FormSubmissions submissions, IUrlHelperFactory urls, ILogger<OneTimeFormFilter> logger) : IAsyncPageFilter
{
    /// <summary>Where a page finds the token of the post it is handling (to keep a report with it).</summary>
    public const string ItemKey = "OneTimeForm.Token";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var userName = http.User.Identity?.Name;
        string? token = null;
        // A form past the reader's limits or unreadable was answered 413 or 400 by RequestLimitFilter; the status page
        // it is then shown on runs as the same post, whose body is not to be read again.
        if (HttpMethods.IsPost(http.Request.Method) && userName is not null && http.Request.HasFormContentType
            && !RequestLimitFilter.FormWasRefused(http))
        {
            try
            {
                token = (await http.Request.ReadFormAsync(http.RequestAborted))[OneTimeFormTagHelper.FieldName].ToString();
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                // A form that cannot be read: the page's own binding refuses it.
                token = null;
            }
        }

        if (string.IsNullOrEmpty(token) || token.Length > FormSubmission.TokenMaxLength)
        {
            await next();
            return;
        }

        var cancellationToken = http.RequestAborted;
        var (claimed, outcome) = await submissions.ClaimOrAwaitAsync(token, userName!, cancellationToken);
        if (!claimed)
        {
            logger.LogInformation("A form posted again by {UserName} was not acted on again; sent to {Outcome}", userName, outcome ?? "(none)");
            context.Result = outcome is not null ? new LocalRedirectResult(outcome) : new StatusCodeResult(StatusCodes.Status409Conflict);
            return;
        }

        http.Items[ItemKey] = token;
        var executed = await next();
        var url = executed.Exception is null || executed.ExceptionHandled ? RedirectUrl(executed) : null;
        // The request may have been aborted by now; the bookkeeping still has to land.
        if (url is not null)
        {
            await submissions.CompleteAsync(token, userName!, url, CancellationToken.None);
        }
        else
        {
            await submissions.ForgetAsync(token, userName!, CancellationToken.None);
        }
    }

    private string? RedirectUrl(PageHandlerExecutedContext executed) => executed.Result switch
    {
        RedirectToPageResult page => urls.GetUrlHelper(executed).Page(page.PageName, page.PageHandler, page.RouteValues, page.Protocol, page.Host, page.Fragment),
        LocalRedirectResult local => local.Url,
        RedirectResult redirect when Uri.TryCreate(redirect.Url, UriKind.Relative, out _) => redirect.Url,
        _ => null,
    };
}
