using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Meetings;

/// <summary>A change another user saved after the version this user started from: who (their full name), when (UTC) and which field.</summary>
public sealed record ConflictChange(string Person, DateTime AtUtc, FieldChange Change);

/// <summary>
/// The outcome of saving a meeting form. On a conflict, <see cref="Conflict"/> lists what the other user
/// changed and <see cref="CurrentVersion"/> is the version a second save would overwrite deliberately.
/// </summary>
public sealed record SaveMeetingResult(UseCaseResult Result, IReadOnlyList<ConflictChange> Conflict, int? CurrentVersion = null)
{
    public static implicit operator SaveMeetingResult(UseCaseResult result) => new(result, []);
}

/// <summary>
/// A recorder logs a meeting, or changes one: the form, the JSON import and the command line all write
/// meetings through the domain's rules, and this is the form's door. It authorizes the unit (a unit outside
/// the user's scope is a message beside the unit field, a missing role is 403), validates (for a draft, or
/// with the publish rule of <see cref="PublishRule"/>), applies the form through <see cref="MeetingEditor"/>,
/// publishes if asked, and saves the record with its history in one transaction. A published record changes
/// only with a stated reason; a record saved by someone else in between is not overwritten unasked.
/// </summary>
public sealed class SaveMeeting(
    MeetingPortalDbContext db, IAuthorizationService authorization, MeetingEditor editor, IValidator<MeetingForm> validator,
    IStringLocalizer<SharedResource> localizer, TimeProvider timeProvider, CalendarService calendar, MeetingChoices choices,
    People.PeopleNames peopleNames)
{
    /// <summary>The id, in the result, of the meeting created; Invalid with field messages when the form is refused.</summary>
    public async Task<SaveMeetingResult> CreateAsync(ClaimsPrincipal user, MeetingForm form, bool publish, CancellationToken cancellationToken)
    {
        form.ListNamedOrganisations();
        if (await AuthorizeUnitAsync(user, form.UnitId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await ValidateAsync(form, publish, cancellationToken) is { Count: > 0 } errors)
        {
            return UseCaseResult.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = new Meeting(form.UnitId!.Value, form.Type, form.Title!, form.HeldOn!.Value);
        if (await editor.ApplyAsync(meeting, form, cancellationToken) is { Count: > 0 } applyErrors)
        {
            await transaction.RollbackAsync(cancellationToken);
            return UseCaseResult.Invalid(applyErrors);
        }

        if (publish)
        {
            await PublishAsync(meeting, cancellationToken);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        // The history rows need the new id, hence the second save in the same transaction.
        editor.HistoryFor(meeting, HistoryAction.Created, null, form, null);
        if (publish)
        {
            editor.HistoryFor(meeting, HistoryAction.Published, form, form, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(meeting.Id);
    }

    /// <summary>
    /// Saves the form over meeting <paramref name="id"/> as of <see cref="MeetingForm.Version"/>; publishes a draft
    /// when <paramref name="publish"/>. 404 out of scope, 403 without the role, Stale with the conflict when
    /// someone else saved in between.
    /// </summary>
    public async Task<SaveMeetingResult> UpdateAsync(ClaimsPrincipal user, int id, MeetingForm form, bool publish, CancellationToken cancellationToken)
    {
        form.ListNamedOrganisations();
        var meeting = await MeetingEditor.LoadForEditAsync(db, id, cancellationToken);
        if (meeting is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new MeetingResource(meeting.Unit!.Path), MeetingOperations.Edit);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        if (form.UnitId != meeting.UnitId && await AuthorizeUnitAsync(user, form.UnitId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var errors = await ValidateAsync(form, publish, cancellationToken);
        var wasPublished = meeting.Status == MeetingStatus.Published;
        if (wasPublished && string.IsNullOrWhiteSpace(form.ChangeReason))
        {
            errors.Add(new UseCaseError(nameof(MeetingForm.ChangeReason), localizer["Form.ReasonRequired"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        if (meeting.Version != form.Version)
        {
            return await ConflictAsync(meeting.Id, form.Version, meeting.Version, cancellationToken);
        }

        var before = await editor.FormForAsync(meeting, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await editor.ApplyAsync(meeting, form, cancellationToken) is { Count: > 0 } applyErrors)
        {
            await transaction.RollbackAsync(cancellationToken);
            return UseCaseResult.Invalid(applyErrors);
        }

        if (wasPublished && await ReassignmentsRefusedAsync(user, meeting, form) is { Count: > 0 } refusedReassignments)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid(refusedReassignments);
        }

        var publishing = publish && meeting.Status == MeetingStatus.Draft;
        if (publishing)
        {
            await PublishAsync(meeting, cancellationToken);
        }

        db.SaveAsOf(meeting, form.Version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => m.Version).SingleAsync(cancellationToken);
            return await ConflictAsync(id, form.Version, current, cancellationToken);
        }

        editor.HistoryFor(meeting, HistoryAction.Updated, before, form, wasPublished ? form.ChangeReason : null);
        if (publishing)
        {
            editor.HistoryFor(meeting, HistoryAction.Published, form, form, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(id);
    }

    /// <summary>
    /// On a published record, giving a recommendation to a body or another due date through the form, adding one
    /// already given to a body, or removing one a body holds is an assignment: it needs
    /// <see cref="RecommendationOperations.Assign"/> as on the recommendation's own page (a Recorder names the body
    /// while the record is a draft, and does not change it, or remove it from the body, once it is followed up).
    /// </summary>
    private async Task<List<UseCaseError>> ReassignmentsRefusedAsync(ClaimsPrincipal user, Meeting meeting, MeetingForm form)
    {
        db.ChangeTracker.DetectChanges();
        var errors = new List<UseCaseError>();
        foreach (var entry in db.ChangeTracker.Entries<Domain.Recommendations.Recommendation>().ToList())
        {
            var body = entry.Property(r => r.AddressedToOrganisationId);
            var assigns = entry.State switch
            {
                EntityState.Added => body.CurrentValue is not null,
                EntityState.Deleted => body.OriginalValue is not null,
                EntityState.Modified => body.IsModified || entry.Property(r => r.DueOn).IsModified,
                _ => false,
            };
            if (!assigns || await authorization.MayAsync(user, new RecommendationResource(meeting.Unit!.Path, body.OriginalValue ?? body.CurrentValue), RecommendationOperations.Assign))
            {
                continue;
            }

            errors.Add(new UseCaseError(FieldOf(form, entry.Entity), localizer["Form.ReassignOnItsPage"]));
        }

        return errors;
    }

    /// <summary>The form field of a recommendation's body ("" for one no longer in the form).</summary>
    private static string FieldOf(MeetingForm form, Domain.Recommendations.Recommendation recommendation)
    {
        for (var i = 0; i < form.Speeches.Count; i++)
        {
            for (var j = 0; j < form.Speeches[i].Recommendations.Count; j++)
            {
                var row = form.Speeches[i].Recommendations[j];
                if (recommendation.Id != 0 ? row.Id == recommendation.Id : row.Id is null && MeetingEditor.Clean(row.Content) == recommendation.Content)
                {
                    return $"Speeches[{i}].Recommendations[{j}].AddressedTo";
                }
            }
        }

        return string.Empty;
    }

    /// <summary>Publishes the record; follow-up of its recommendations starts today (<see cref="Domain.Recommendations.Recommendation.StartFollowUp"/>).</summary>
    private async Task PublishAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        meeting.Publish(timeProvider.GetUtcNow().UtcDateTime);
        var working = await calendar.CalendarAsync(cancellationToken);
        foreach (var recommendation in meeting.Recommendations)
        {
            recommendation.StartFollowUp(calendar.Today, working);
        }
    }

    /// <summary>What the form's checks say of <paramref name="form"/> without saving (for a form whose values could not all be read).</summary>
    public async Task<IReadOnlyList<UseCaseError>> CheckAsync(MeetingForm form, bool publish, CancellationToken cancellationToken) =>
        await ValidateAsync(form, publish, cancellationToken);

    /// <summary>Null when the user may write a record for the unit; else a message beside the unit field, or 403.</summary>
    private async Task<UseCaseResult?> AuthorizeUnitAsync(ClaimsPrincipal user, int? unitId, CancellationToken cancellationToken)
    {
        if (unitId is null)
        {
            // The validator says the unit is required.
            return null;
        }

        return await choices.AccessToUnitAsync(user, unitId.Value, cancellationToken) switch
        {
            Access.Allowed => null,
            Access.Forbidden => UseCaseResult.Forbidden,
            _ => UseCaseResult.Invalid(nameof(MeetingForm.UnitId), localizer["Form.UnitOutOfScope"]),
        };
    }

    private async Task<List<UseCaseError>> ValidateAsync(MeetingForm form, bool publish, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(form, options =>
        {
            if (publish)
            {
                options.IncludeRuleSets(MeetingForm.Validator.PublishRuleSet).IncludeRulesNotInRuleSet();
            }
        }, cancellationToken);
        return result.ToErrors();
    }

    private async Task<SaveMeetingResult> ConflictAsync(int meetingId, int sinceVersion, int currentVersion, CancellationToken cancellationToken)
    {
        var entries = await db.History.AsNoTracking()
            .Where(h => h.EntityType == nameof(Meeting) && h.EntityId == meetingId && h.Version > sinceVersion)
            .OrderBy(h => h.AtUtc).ToListAsync(cancellationToken);
        var people = await peopleNames.ForAsync(entries.Select(h => h.UserName), cancellationToken);
        var changes = entries.SelectMany(h => AuditTrail.ReadChanges(h.Changes).Select(c => new ConflictChange(people.Of(h.UserName), h.AtUtc, c))).ToList();
        return new SaveMeetingResult(UseCaseResult.Stale(localizer["Form.Conflict"]), changes, currentVersion);
    }
}
