using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// A leader of the report's unit sends the signed report to the unit directly above (<see cref="ReportOperations.Send"/>;
/// <see cref="SummarySnapshot.Send"/>): refused unless signed and still the unit's current version, and for a top unit.
/// </summary>
public sealed class SendReport(ReportChange change)
{
    /// <summary>Sends report <paramref name="id"/>, drawn at <paramref name="revision"/>.</summary>
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, int id, int revision, CancellationToken cancellationToken) =>
        change.RunAsync(user, id, revision, ReportOperations.Send, context =>
        {
            context.Report.Send(context.HasLevelAbove, context.By, context.AtUtc);
            return Task.FromResult<IReadOnlyList<UseCaseError>>([]);
        }, cancellationToken);
}
