using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>The body's reply to recommendation <paramref name="Id"/>: its kind, date (today when blank), text and an optional letter.</summary>
public sealed record RespondCommand(int Id, int Version, ResponseKind Kind, DateOnly? RespondedOn, string? Content, UploadedFile? File);

/// <summary>
/// The addressed body's responder (or a tracker for the body) records a reply. The date lies between the
/// meeting and today; which kinds the status takes is <see cref="RecommendationState.ResponseKinds"/>; a
/// reply other than "in progress" tells the raising unit. A letter (PDF, Word, image) is kept with it.
/// </summary>
public sealed class RespondToRecommendation(
    RecommendationChange change, MeetingPortalDbContext db, AttachmentStore store, IValidator<RespondCommand> validator, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The form field a file's message goes beside.</summary>
    public const string FileField = "File";

    public async Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, RespondCommand command, CancellationToken cancellationToken)
    {
        string? storedName = null;
        var result = await change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Respond, async c =>
        {
            var errors = await CheckAsync(c, command, cancellationToken);
            CheckedUpload? upload = null;
            if (command.File is { Length: > 0 } file)
            {
                (upload, var fileError) = await Uploads.ReadAsync(file, localizer, cancellationToken);
                if (fileError is not null)
                {
                    errors.Add(new UseCaseError(FileField, fileError));
                }
            }

            await using var letter = upload;

            if (errors.Count > 0)
            {
                return errors;
            }

            var r = c.Recommendation;
            var response = Answer(c, command);
            if (letter is not null)
            {
                storedName = await store.SaveAsync(letter.Content, cancellationToken);
                db.Attachments.Add(new Attachment(r.MeetingId, letter.FileName, letter.Type, letter.Content.Length, storedName)
                {
                    Response = response,
                });
            }

            return [];
        }, cancellationToken);

        // A file stored for a reply that was not saved goes again.
        if (!result.Succeeded && storedName is not null)
        {
            store.Delete(storedName);
        }

        return result;
    }

    /// <summary>
    /// The checks one item and many share (<see cref="BulkAnswerRecommendations"/>): the typed text and kind, the kind
    /// the item's state takes (<see cref="RecommendationState.ResponseKinds"/>) and the date between its meeting and today.
    /// </summary>
    internal async Task<List<UseCaseError>> CheckAsync(RecommendationContext c, RespondCommand command, CancellationToken cancellationToken)
    {
        var errors = (await validator.ValidateAsync(command, cancellationToken)).ToErrors();
        // A kind the state does not take (a refusal after resolution) is said beside the kind, not as a page-wide error.
        if (c.Recommendation.State is { IsFollowed: true } state && state.ResponseKinds.Count > 0 && !state.Takes(command.Kind))
        {
            errors.Add(new UseCaseError(nameof(command.Kind), localizer["Action.KindNotTaken", string.Join(", ", state.ResponseKinds.Select(k => localizer["ResponseKind." + k].Value))]));
        }

        if (command.RespondedOn is { } on && !RecordDates.IsBetweenMeetingAndToday(on, c.HeldOn, c.Today))
        {
            errors.Add(new UseCaseError(nameof(command.RespondedOn), localizer["Action.ResponseDate"]));
        }

        return errors;
    }

    /// <summary>Records the checked reply on the item through the domain, as the addressed body's (dated today when blank).</summary>
    internal static Response Answer(RecommendationContext c, RespondCommand command) =>
        c.Recommendation.Respond(command.Kind, command.RespondedOn ?? c.Today, c.Recommendation.AddressedToOrganisationId, null, command.Content!.Trim(), c.By);

    /// <summary>What is typed: a text within <see cref="Response.ContentMaxLength"/> and a known kind.</summary>
    public sealed class Validator : AbstractValidator<RespondCommand>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Content).NotEmpty().MaximumLength(Response.ContentMaxLength).WithName(_ => localizer["Action.ResponseContent"]);
            RuleFor(x => x.Kind).IsInEnum().WithName(_ => localizer["Action.ResponseKind"]);
        }
    }
}
