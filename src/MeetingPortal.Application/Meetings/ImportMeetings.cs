using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// A user imports interchange files (the web page and <c>import --as</c> on the command line both come here).
/// The import is a door like the forms: records only in units where the user may write meetings, a new unit
/// only under a unit the user administers, and the national reference data (levels, themes, calendar, due
/// rules) only for the top unit's administrators — the same operations the pages ask (issue 13, faults 1–2).
/// The domain's rules (publish needs a host, due dates from the working-day rules) hold inside the importer.
/// </summary>
public sealed class ImportMeetings(InterchangeImporter importer, IAuthorizationService authorization, ILogger<ImportMeetings> logger)
{
    /// <summary>Whether the user imports at all (records for their own unit); others get 403.</summary>
    public Task<bool> MayImportAsync(ClaimsPrincipal user) =>
        user.GetScope() is { } scope
            ? authorization.MayAsync(user, new MeetingResource(scope.Path), MeetingOperations.Import)
            : Task.FromResult(false);

    /// <summary>
    /// Imports one file's JSON in its own transaction as <paramref name="user"/>; the result says what was created,
    /// skipped or refused and why. A user who does not import at all (<see cref="MayImportAsync"/>) is told so
    /// and nothing is read: the page answers 403 before this, the command line prints the message.
    /// </summary>
    public async Task<ImportResult> ImportAsync(ClaimsPrincipal user, string json, string source, CancellationToken cancellationToken)
    {
        if (!await MayImportAsync(user))
        {
            var refused = new ImportResult(source);
            refused.Errors.Add("Tài khoản này không có quyền nhập hồ sơ (cần vai trò Thư ký hoặc Quản trị).");
            return refused;
        }

        var options = new ImportOptions(
            path => authorization.MayAsync(user, new MeetingResource(path), MeetingOperations.Import),
            AllowReferenceData: await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings),
            parentPath => parentPath is null
                ? Task.FromResult(false)
                : authorization.MayAsync(user, new UnitResource(parentPath), AdministrationOperations.CreateUnitUnder),
            path => authorization.MayAsync(user, new MeetingResource(path), MeetingOperations.ApproveMinutes),
            path => authorization.MayAsync(user, new PlanResource(path), PlanOperations.Write));
        var result = await importer.ImportJsonAsync(json, source, options, cancellationToken);
        logger.LogInformation("User {UserName} imported {Source}: {Created} created, {Errors} errors", user.Identity?.Name, source, result.Created.Count, result.Errors.Count);
        return result;
    }
}
