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
public sealed record ReportProgressCommand(int Id, int Version, DateOnly? ReportedOn, string? Text, string? Value = null);

/// <summary>
/// Sets, changes or removes a task's measurable target (issue 16, deliver 6): <paramref name="Low"/> and
/// <paramref name="High"/> as typed (comma or point decimals), blank for none; all blank removes the target.
/// </summary>
public sealed record SetTargetCommand(int Id, int Version, string? Measure, string? Low, string? High, string? Unit);

/// <summary>
/// Gives task <paramref name="Id"/> to exactly the groups <paramref name="GroupIds"/> (issue 16, deliver 4; ADR 0020), each
/// a group of the meeting's unit or a unit above it; an empty list takes the task from every group.
/// </summary>
public sealed record AssignGroupsCommand(int Id, int Version, IReadOnlyList<int> GroupIds);

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
        RunAsync(user, command.Id, command.Version, DirectiveOperations.Act, async (d, heldOn, today) =>
        {
            var errors = (await validator.ValidateAsync(command, cancellationToken)).ToErrors();
            if (command.ReportedOn is { } on && !RecordDates.IsBetweenMeetingAndToday(on, heldOn, today))
            {
                errors.Add(new UseCaseError(nameof(command.ReportedOn), localizer["Directives.ReportDate"]));
            }

            if (!NumberInput.TryParse(command.Value, out var value))
            {
                errors.Add(new UseCaseError(nameof(command.Value), localizer["Directives.NotANumber"]));
            }

            if (errors.Count == 0)
            {
                // The report names the user's body when the task is given to it or to a group it is a member of (ADR 0020).
                var groups = d.GroupAssignees.Select(a => a.BodyGroupId).ToList();
                var body = user.GetOrganisationId() is { } mine && (d.Assignees.Any(a => a.OrganisationId == mine)
                    || await db.BodyGroups.AnyAsync(g => groups.Contains(g.Id) && g.Members.Any(m => m.OrganisationId == mine), cancellationToken))
                    ? mine : (int?)null;
                try
                {
                    d.ReportProgress(command.ReportedOn ?? today, command.Text!.Trim(), body, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime, value);
                }
                catch (DomainException ex) when (value is not null)
                {
                    errors.Add(new UseCaseError(nameof(command.Value), localizer.For(ex)));
                }
            }

            return errors;
        }, cancellationToken);

    /// <summary>
    /// The host side (recorder, tracker, administrator of the meeting's unit or above) sets the task's target: the
    /// measure and at least one bound, or nothing to remove it. Refused with a message beside the field for a bound that
    /// is not a number; the domain's rules (<see cref="Directive.SetTarget"/>) refuse the rest.
    /// </summary>
    public Task<UseCaseResult> SetTargetAsync(ClaimsPrincipal user, SetTargetCommand command, CancellationToken cancellationToken) =>
        RunAsync(user, command.Id, command.Version, DirectiveOperations.SetTarget, (d, _, _) =>
        {
            var errors = new List<UseCaseError>();
            if (!NumberInput.TryParse(command.Low, out var low))
            {
                errors.Add(new UseCaseError(nameof(command.Low), localizer["Directives.NotANumber"]));
            }

            if (!NumberInput.TryParse(command.High, out var high))
            {
                errors.Add(new UseCaseError(nameof(command.High), localizer["Directives.NotANumber"]));
            }

            if ((command.Measure?.Trim().Length ?? 0) > Directive.TargetMeasureMaxLength)
            {
                errors.Add(new UseCaseError(nameof(command.Measure), localizer["Directives.TooLong", Directive.TargetMeasureMaxLength]));
            }

            if ((command.Unit?.Trim().Length ?? 0) > Directive.TargetUnitMaxLength)
            {
                errors.Add(new UseCaseError(nameof(command.Unit), localizer["Directives.TooLong", Directive.TargetUnitMaxLength]));
            }

            if (errors.Count == 0)
            {
                try
                {
                    d.SetTarget(command.Measure, low, high, command.Unit);
                }
                catch (DomainException ex)
                {
                    // Said beside the field it is about: the measure, else the value to reach.
                    errors.Add(new UseCaseError(ex.Code == "directive.target-measure" ? nameof(command.Measure) : nameof(command.Low), localizer.For(ex)));
                }
            }

            return Task.FromResult(errors);
        }, cancellationToken);

    /// <summary>
    /// The host side gives the task to groups of bodies (ADR 0020). A group of another branch of the tree than the
    /// meeting's unit and the units above it, or no group at all, answers 404 as a record out of scope does.
    /// </summary>
    public async Task<UseCaseResult> AssignGroupsAsync(ClaimsPrincipal user, AssignGroupsCommand command, CancellationToken cancellationToken)
    {
        var unitPath = await db.Directives.AsNoTracking().Where(d => d.Id == command.Id)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => m.Unit!.Path).SingleOrDefaultAsync(cancellationToken);
        var wanted = command.GroupIds.Distinct().ToList();
        if (unitPath is null)
        {
            return UseCaseResult.NotFound;
        }

        // The meeting's lineage: its unit and the units above it (a path "/1/2/7/" holds them all).
        var lineage = MeetingPortal.Domain.Units.Unit.IdsOf(unitPath);
        var known = await db.BodyGroups.AsNoTracking().Where(g => wanted.Contains(g.Id) && lineage.Contains(g.UnitId)).CountAsync(cancellationToken);
        if (known != wanted.Count)
        {
            return UseCaseResult.NotFound;
        }

        return await RunAsync(user, command.Id, command.Version, DirectiveOperations.AssignGroups, (d, _, _) =>
        {
            d.ReplaceGroupAssignees(wanted);
            return Task.FromResult(new List<UseCaseError>());
        }, cancellationToken);
    }

    public Task<UseCaseResult> MarkDoneAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, DirectiveOperations.Act, (d, _, today) =>
        {
            d.MarkDone(today);
            return Task.FromResult(new List<UseCaseError>());
        }, cancellationToken);

    public Task<UseCaseResult> ReopenAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, DirectiveOperations.Act, (d, _, _) =>
        {
            d.Reopen();
            return Task.FromResult(new List<UseCaseError>());
        }, cancellationToken);

    private async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int version, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation,
        Func<Directive, DateOnly, DateOnly, Task<List<UseCaseError>>> act, CancellationToken cancellationToken)
    {
        var found = await db.Directives.AsNoTracking().AsSplitQuery().Where(d => d.Id == id)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new
            {
                m.Unit!.Path,
                m.HeldOn,
                Assignees = d.Assignees.Select(a => a.OrganisationId).ToList(),
                Groups = d.GroupAssignees.Select(a => a.BodyGroupId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return UseCaseResult.NotFound;
        }

        // The members of the groups the task is given to act on it as its assigned bodies do (ADR 0020).
        var members = found.Groups.Count == 0 ? []
            : await db.BodyGroups.AsNoTracking().Where(g => found.Groups.Contains(g.Id)).SelectMany(g => g.Members.Select(m => m.OrganisationId)).ToListAsync(cancellationToken);
        var access = await authorization.CheckAsync(user, new DirectiveResource(found.Path, [.. found.Assignees, .. members]), operation);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var directive = await db.Directives.Include(d => d.Progress).Include(d => d.Assignees).Include(d => d.GroupAssignees).AsSplitQuery().SingleAsync(d => d.Id == id, cancellationToken);

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
