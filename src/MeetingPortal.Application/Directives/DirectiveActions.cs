using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Directives;

/// <summary>A progress report on directive <paramref name="Id"/>: its date (today when blank) and text.</summary>
public sealed record ReportProgressCommand(int Id, int Version, DateOnly? ReportedOn, string? Text);

/// <summary>
/// The follow-up of a task the conclusion assigned (nhiệm vụ trong kết luận): an assigned body's responder or a
/// tracker reports progress (dated between the meeting and today), marks it done, or reopens it. Each loads
/// the directive, authorizes <see cref="DirectiveOperations.Act"/> (404 out of scope, 403 for a missing role),
/// calls the domain and saves as of the version the user saw.
/// </summary>
public sealed class DirectiveActions(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, ICurrentUser currentUser, TimeProvider timeProvider,
    IValidator<ReportProgressCommand> validator, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ReportAsync(ClaimsPrincipal user, ReportProgressCommand command, CancellationToken cancellationToken) =>
        RunAsync(user, command.Id, command.Version, async (d, heldOn, today) =>
        {
            var errors = (await validator.ValidateAsync(command, cancellationToken)).ToErrors();
            if (command.ReportedOn is { } on && !RecordDates.IsBetweenMeetingAndToday(on, heldOn, today))
            {
                errors.Add(new UseCaseError(nameof(command.ReportedOn), localizer["Directives.ReportDate"]));
            }

            if (errors.Count == 0)
            {
                var body = user.GetOrganisationId() is { } mine && d.Assignees.Any(a => a.OrganisationId == mine) ? mine : (int?)null;
                d.ReportProgress(command.ReportedOn ?? today, command.Text!.Trim(), body, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
            }

            return errors;
        }, cancellationToken);

    public Task<UseCaseResult> MarkDoneAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, (d, _, today) =>
        {
            d.MarkDone(today);
            return Task.FromResult(new List<UseCaseError>());
        }, cancellationToken);

    public Task<UseCaseResult> ReopenAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, (d, _, _) =>
        {
            d.Reopen();
            return Task.FromResult(new List<UseCaseError>());
        }, cancellationToken);

    private async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int version, Func<Directive, DateOnly, DateOnly, Task<List<UseCaseError>>> act, CancellationToken cancellationToken)
    {
        var found = await db.Directives.AsNoTracking().Where(d => d.Id == id)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new { m.Unit!.Path, m.HeldOn, Assignees = d.Assignees.Select(a => a.OrganisationId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new DirectiveResource(found.Path, found.Assignees), DirectiveOperations.Act);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var directive = await db.Directives.Include(d => d.Progress).Include(d => d.Assignees).AsSplitQuery().SingleAsync(d => d.Id == id, cancellationToken);

        return await AggregateChange.SaveAsync(db, directive, version,
            async () => await act(directive, found.HeldOn, calendar.Today), localizer, localizer["Directives.Stale"], cancellationToken);
    }

    /// <summary>What is typed: the report's text, within <see cref="DirectiveProgress.TextMaxLength"/>.</summary>
    public sealed class Validator : AbstractValidator<ReportProgressCommand>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Text).NotEmpty().MaximumLength(DirectiveProgress.TextMaxLength).WithName(_ => localizer["Directives.ReportText"]);
        }
    }
}
