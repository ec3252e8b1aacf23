namespace MeetingPortal.Web.Infrastructure;

/// <summary>What the shared pager (Pages/Shared/_Pager) shows: where the reader is, how many pages, and the link to any page with the list's filters kept.</summary>
public sealed record Pager(int PageNumber, int PageCount, Func<int, IDictionary<string, string>> Route);
