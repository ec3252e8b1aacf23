using MeetingPortal.Domain.Meetings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>How much one post may carry, where a page needs more than the server's defaults (issue 14, item 6).</summary>
public static class RequestLimits
{
    /// <summary>
    /// Bytes one post that carries an attachment may have: the file (<see cref="Attachment.MaxSizeBytes"/>) and
    /// 1 MB for the other fields and the multipart framing, so a file just over 20 MB is still read and refused
    /// beside its field with everything else kept.
    /// </summary>
    public const long AttachmentPostBytes = Attachment.MaxSizeBytes + (1024 * 1024);

    /// <summary>
    /// Bytes the server reads at most of a post to a page that takes an attachment (the server's own limit,
    /// [RequestSizeLimit]). The form reader stops at <see cref="AttachmentPostBytes"/>; the rest of a post up to this
    /// is read and thrown away before the 413 page is sent, because a browser sends the whole body before it reads
    /// an answer and shows a closed connection, not the page, when the server stops reading early. Past this the
    /// connection is closed; the page's script keeps such files from being sent at all.
    /// </summary>
    public const long AttachmentPostCeilingBytes = 100L * 1024 * 1024;

    /// <summary>
    /// Fields the meeting form may post (the server's default is 1,024). A row costs 2 fields (organisation),
    /// 4 (task), 6 (participant, with its attendance), 7 (speech) or 6 (recommendation): the form at its own row bound
    /// (<see cref="MeetingForm.MaxRows"/> organisations, participants, speeches and tasks: 3,800 fields) still has
    /// room for about 730 recommendations. The longest seed report (12 speeches, 10 participants) posts about 200
    /// fields and a report of 34 recommendations about 450; 1,024 was reached by a long meeting, this is not.
    /// </summary>
    public const int MeetingFormFields = 8_192;
}

/// <summary>
/// What a page tells its users one post may carry, said when a post is refused as too large (413): the resource
/// key of the message and its arguments, e.g. <c>("Attachment.TooLarge", 20)</c> for "không quá 20 MB".
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PostLimitMessageAttribute(string resourceKey, params object[] arguments) : Attribute
{
    /// <summary>The key in SharedResource of the sentence that states the limit.</summary>
    public string ResourceKey { get; } = resourceKey;

    /// <summary>The sentence's arguments (the limit in MB...).</summary>
    public IReadOnlyList<object> Arguments { get; } = arguments;
}

/// <summary>Which limit a refused post went past.</summary>
public enum RequestLimitKind
{
    /// <summary>The body (a file, or everything together) is larger than the page takes.</summary>
    Size,

    /// <summary>The form has more fields than the page takes, or one field is longer than a field may be.</summary>
    Fields,
}

/// <summary>
/// Set on a request whose form could not be read because it went past a limit; the status page (413) says which
/// limit from it, and nothing else tries to read that form again.
/// </summary>
/// <param name="Kind">Which limit.</param>
/// <param name="Message">The page's own sentence for it (<see cref="PostLimitMessageAttribute"/>), if any.</param>
/// <param name="MaxBodyBytes">The bytes the server took for this post, when it applied a limit.</param>
/// <param name="MaxFields">The fields the form could have.</param>
/// <param name="MaxFieldBytes">The bytes one field could have.</param>
public sealed record RequestLimitExceeded(RequestLimitKind Kind, PostLimitMessageAttribute? Message, long? MaxBodyBytes, int MaxFields, int MaxFieldBytes);

/// <summary>
/// Set on a request whose form could not be read although no limit was passed: cut off on the way (the connection
/// broke, a multipart body without its end) or malformed. It is answered 400, and nothing tries to read it again.
/// </summary>
public sealed record UnreadableForm;

/// <summary>
/// Reads a posted form before anything else does (antiforgery, binding, the one-time token), with the page's own
/// limits already applied, so that a post beyond them answers 413 with a page that names the limit, instead of a
/// 400 from the antiforgery check and a status page that could not bind its code ("Mã lỗi 0").
/// </summary>
public sealed class RequestLimitFilter(IOptions<FormOptions> formOptions) : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After [RequestSizeLimit] and [RequestFormLimits] (900) set the page's limits, before antiforgery (1000) reads the form.</summary>
    public const int FilterOrder = 950;

    /// <inheritdoc cref="FilterOrder"/>
    public int Order => FilterOrder;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType || FormWasRefused(http))
        {
            return;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || IsLimit(e))
        {
            if (e is InvalidDataException)
            {
                // The form reader stopped within the server's limit: read the rest, so the browser gets to read the answer.
                await DrainAsync(http);
            }

            var options = EffectiveFormOptions(context);
            var maxBody = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            // A file past the multipart limit and a form past the field limits both end as InvalidDataException;
            // the length the browser announced tells them apart.
            var multipartTooLong = e.Message.Contains("Multipart body length limit", StringComparison.Ordinal)
                || (http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                    && http.Request.ContentLength > options.MultipartBodyLengthLimit);
            var kind = e is BadHttpRequestException || multipartTooLong ? RequestLimitKind.Size : RequestLimitKind.Fields;
            http.Features.Set(new RequestLimitExceeded(
                kind, context.ActionDescriptor.EndpointMetadata.OfType<PostLimitMessageAttribute>().LastOrDefault(),
                maxBody, options.ValueCountLimit, options.ValueLengthLimit));
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // Cut off or malformed (a multipart body without its end, a broken connection): the sender's fault, not a limit.
            http.Features.Set(new UnreadableForm());
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Whether this request's form was refused (past a limit, or unreadable), so that nothing reads it again.</summary>
    public static bool FormWasRefused(HttpContext http) =>
        http.Features.Get<RequestLimitExceeded>() is not null || http.Features.Get<UnreadableForm>() is not null;

    // The form reader says which limit with an InvalidDataException whose message names it ("Form value count limit
    // 1024 exceeded.", "Multipart body length limit … exceeded."); a malformed form is an InvalidDataException too.
    private static bool IsLimit(Exception e) =>
        e is InvalidDataException && e.Message.Contains(" limit ", StringComparison.Ordinal) && e.Message.Contains("exceeded", StringComparison.Ordinal);

    /// <summary>Reads what is left of the body and throws it away, up to the server's own limit (then the connection closes).</summary>
    private static async Task DrainAsync(HttpContext http)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await http.Request.Body.ReadAsync(buffer, http.RequestAborted) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Past [RequestSizeLimit] or the server's limit: Kestrel closes the connection after the answer.
        }
        catch (IOException)
        {
            // The browser went away.
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }

    /// <summary>The server's form options with the page's [RequestFormLimits] over them, as the form reader had them.</summary>
    private FormOptions EffectiveFormOptions(AuthorizationFilterContext context)
    {
        var page = context.ActionDescriptor.EndpointMetadata.OfType<IFormOptionsMetadata>().LastOrDefault();
        var defaults = formOptions.Value;
        return new FormOptions
        {
            ValueCountLimit = page?.ValueCountLimit ?? defaults.ValueCountLimit,
            ValueLengthLimit = page?.ValueLengthLimit ?? defaults.ValueLengthLimit,
            MultipartBodyLengthLimit = page?.MultipartBodyLengthLimit ?? defaults.MultipartBodyLengthLimit,
        };
    }
}
