namespace MeetingPortal.Infrastructure.Submissions;

/// <summary>
/// One use of a form's one-time token: the first post of a token records it, and a second post of the
/// same token (double click, browser resend, two tabs) is answered with the first one's outcome
/// instead of acting again. Rows older than a day are removed by the hourly check.
/// </summary>
public class FormSubmission
{
    public const int TokenMaxLength = 64;
    public const int UserNameMaxLength = 256;
    public const int OutcomeMaxLength = 2_000;

    public FormSubmission(string token, string userName, DateTime createdAtUtc)
    {
        Token = token;
        UserName = userName;
        CreatedAtUtc = createdAtUtc;
    }

    /// <summary>The token the form carried (a GUID written into the page).</summary>
    public string Token { get; private set; }

    /// <summary>Who posted it; a token is only ever honoured for the user it was posted by.</summary>
    public string UserName { get; private set; }

    /// <summary>When the first post arrived (UTC).</summary>
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Where the first post sent the browser (a local URL); null while it runs or if it failed.</summary>
    public string? OutcomeUrl { get; set; }

    /// <summary>What the first post produced, for pages that show a result rather than redirect to a record (the import report, JSON).</summary>
    public string? Payload { get; set; }
}
