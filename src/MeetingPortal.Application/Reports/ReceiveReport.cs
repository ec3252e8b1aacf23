using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// A leader of the unit directly above records a sent report as received (<see cref="ReportOperations.Receive"/>;
/// <see cref="SummarySnapshot.MarkReceived"/>): refused unless sent and not yet received.
/// </summary>
public sealed class ReceiveReport(ReportChange change)
{
    /// <summary>Records report <paramref name="id"/>, drawn at <paramref name="revision"/>, as received.</summary>
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, int id, int revision, CancellationToken cancellationToken) =>
        change.RunAsync(user, id, revision, ReportOperations.Receive, context =>
        {
            context.Report.MarkReceived(context.By, context.AtUtc);
            return Task.FromResult<IReadOnlyList<UseCaseError>>([]);
        }, cancellationToken);
}
