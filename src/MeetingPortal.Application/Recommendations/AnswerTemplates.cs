using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>An answer template as a list or a form shows it.</summary>
/// <param name="Id">The template's id.</param>
/// <param name="Version">The version read, for a change.</param>
/// <param name="UnitId">The unit that keeps it.</param>
/// <param name="UnitName">That unit's name.</param>
/// <param name="Name">What it is chosen by.</param>
/// <param name="Text">The answer's text.</param>
/// <param name="MayWrite">Whether the user may change or delete it (<see cref="AnswerTemplateOperations.Write"/>).</param>
public sealed record AnswerTemplateRow(int Id, int Version, int UnitId, string UnitName, string Name, string Text, bool MayWrite);

/// <summary>Add (no <paramref name="Id"/>) or change template <paramref name="Id"/> as of <paramref name="Version"/>: its unit, name and text.</summary>
public sealed record SaveAnswerTemplateCommand(int? Id, int Version, int? UnitId, string? Name, string? Text);

/// <summary>
/// A unit's answer templates (issue 18 part 4, ADR 0025 section 4): read by the unit, the units below it and whoever covers
/// it; kept by the Trackers and Administrators who cover it (<see cref="AnswerTemplateOperations"/>). Out of scope answers
/// as unknown (404), a missing role 403, as every record.
/// </summary>
public sealed class AnswerTemplates(MeetingPortalDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The templates <paramref name="user"/> reads, by unit from the top and then by name (Vietnamese order).</summary>
    public async Task<IReadOnlyList<AnswerTemplateRow>> ReadableAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rows = await db.AnswerTemplates.AsNoTracking().Readable(user.GetScopeOrNone())
            .Select(t => new { t.Id, t.Version, t.UnitId, UnitName = t.Unit!.Name, t.Unit.Path, t.Name, t.Text })
            .ToListAsync(cancellationToken);
        var result = new List<AnswerTemplateRow>();
        foreach (var t in rows.OrderBy(t => t.Path.Length).ThenBy(t => t.Path, StringComparer.Ordinal).ToList().ByName(t => t.Name).OrderBy(t => t.Path.Length))
        {
            var mayWrite = await authorization.MayAsync(user, new AnswerTemplateResource(t.Path), AnswerTemplateOperations.Write);
            result.Add(new AnswerTemplateRow(t.Id, t.Version, t.UnitId, t.UnitName, t.Name, t.Text, mayWrite));
        }

        return result;
    }

    /// <summary>
    /// Template <paramref name="id"/> for <paramref name="operation"/>: the row, or the refusal (404 unknown or out of
    /// scope, 403 without the role).
    /// </summary>
    public async Task<(Access Access, AnswerTemplateRow? Row)> FindAsync(ClaimsPrincipal user, int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var t = await db.AnswerTemplates.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Version, x.UnitId, UnitName = x.Unit!.Name, x.Unit.Path, x.Name, x.Text })
            .SingleOrDefaultAsync(cancellationToken);
        if (t is null)
        {
            return (Access.NotFound, null);
        }

        var access = await authorization.CheckAsync(user, new AnswerTemplateResource(t.Path), operation);
        if (access != Access.Allowed)
        {
            return (access, null);
        }

        var mayWrite = await authorization.MayAsync(user, new AnswerTemplateResource(t.Path), AnswerTemplateOperations.Write);
        return (Access.Allowed, new AnswerTemplateRow(t.Id, t.Version, t.UnitId, t.UnitName, t.Name, t.Text, mayWrite));
    }

    /// <summary>
    /// The text an answer form starts from when "Dùng mẫu" is pressed with template <paramref name="id"/>: null for none
    /// chosen, or one the user may not read (the form then says so beside the choice, nothing of it shown).
    /// </summary>
    public async Task<string?> TextForAsync(ClaimsPrincipal user, int? id, CancellationToken cancellationToken) =>
        id is { } chosen && await FindAsync(user, chosen, AnswerTemplateOperations.Read, cancellationToken) is { Row: { } row } ? row.Text : null;

    /// <summary>
    /// Adds or changes a template: the unit must be one the user writes templates for (checked before anything else:
    /// 404 / 403), the name and text as <see cref="AnswerTemplate"/> requires, the name once in its unit; a version someone
    /// else saved in between is stale. Nothing is saved on a refusal.
    /// </summary>
    public async Task<UseCaseResult> SaveAsync(ClaimsPrincipal user, SaveAnswerTemplateCommand command, CancellationToken cancellationToken)
    {
        AnswerTemplate? template = null;
        if (command.Id is { } id)
        {
            var (access, _) = await FindAsync(user, id, AnswerTemplateOperations.Write, cancellationToken);
            if (access != Access.Allowed)
            {
                return UseCaseResult.Refused(access);
            }

            template = await db.AnswerTemplates.SingleAsync(t => t.Id == id, cancellationToken);
        }

        var unitId = template?.UnitId ?? command.UnitId;
        var path = unitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Path).SingleOrDefaultAsync(cancellationToken) : null;
        if (path is null)
        {
            return UseCaseResult.Invalid(nameof(command.UnitId), localizer["Template.ChooseUnit"]);
        }

        if (template is null)
        {
            var access = await authorization.CheckAsync(user, new AnswerTemplateResource(path), AnswerTemplateOperations.Write);
            if (access != Access.Allowed)
            {
                // A unit chosen by hand outside what the form offered: said beside the choice rather than as a missing page.
                return UseCaseResult.Invalid(nameof(command.UnitId), localizer["Template.ChooseUnit"]);
            }
        }

        var errors = new List<UseCaseError>();
        if (string.IsNullOrWhiteSpace(command.Name))
        {
            errors.Add(new UseCaseError(nameof(command.Name), localizer["Template.NameRequired"]));
        }
        else if (command.Name.Trim().Length > AnswerTemplate.NameMaxLength)
        {
            errors.Add(new UseCaseError(nameof(command.Name), localizer["Template.NameTooLong", AnswerTemplate.NameMaxLength]));
        }
        // The same name in another case or spacing is the same name to a reader choosing from the list (a unit keeps few).
        else if ((await db.AnswerTemplates.AsNoTracking().Where(t => t.UnitId == unitId && t.Id != (command.Id ?? 0)).Select(t => t.Name).ToListAsync(cancellationToken))
                 .Any(name => Meetings.MeetingForm.NameKey(name) == Meetings.MeetingForm.NameKey(command.Name)))
        {
            errors.Add(new UseCaseError(nameof(command.Name), localizer["Template.NameTaken"]));
        }

        if (string.IsNullOrWhiteSpace(command.Text))
        {
            errors.Add(new UseCaseError(nameof(command.Text), localizer["Template.TextRequired"]));
        }
        else if (command.Text.Trim().Length > AnswerTemplate.TextMaxLength)
        {
            errors.Add(new UseCaseError(nameof(command.Text), localizer["Template.TextTooLong", AnswerTemplate.TextMaxLength]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        if (template is null)
        {
            template = new AnswerTemplate(unitId!.Value, command.Name!, command.Text!);
            db.AnswerTemplates.Add(template);
            await db.SaveChangesAsync(cancellationToken);
            return UseCaseResult.Done(template.Id);
        }

        return await AggregateChange.SaveAsync(db, template, command.Version, () =>
        {
            template.Change(command.Name!, command.Text!);
            return Task.FromResult<IReadOnlyList<UseCaseError>?>([]);
        }, localizer, localizer["Template.Stale"], cancellationToken);
    }

    /// <summary>Deletes template <paramref name="id"/> (404 / 403 as <see cref="SaveAsync"/>); replies made from it keep their text.</summary>
    public async Task<UseCaseResult> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var (access, _) = await FindAsync(user, id, AnswerTemplateOperations.Write, cancellationToken);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        await db.AnswerTemplates.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return UseCaseResult.Done(id);
    }
}
