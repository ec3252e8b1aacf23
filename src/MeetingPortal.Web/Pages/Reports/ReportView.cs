using MeetingPortal.Application.Reports;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>A summary document to draw: with its links (the live summary) or without (a frozen official report).</summary>
public sealed record ReportView(ReportDocument Document, bool Links);
