using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// What a leader typed into draft report <paramref name="Id"/>, drawn at <paramref name="Revision"/>: the narrative,
/// the number and issuer code of "Số …-BC/…", the place and date (Vietnam date) of the date line, and the signature
/// block (<see cref="ReportDraft"/>). Blank parts are kept blank, to be written by hand on paper.
/// </summary>
public sealed record EditReportDraftCommand(
    int Id, int Revision, string? Narrative, string? Number, string? IssuerCode, string? Place, DateOnly? IssuedOn,
    string? OnBehalfOf, string? SignerRole, string? SignerName, string? Recipients)
{
    /// <summary>The draft as the domain takes it.</summary>
    public ReportDraft ToDraft() => new(Narrative, Number, IssuerCode, Place, IssuedOn, OnBehalfOf, SignerRole, SignerName, Recipients);
}

/// <summary>
/// A leader of the report's unit types its text while it is a draft (<see cref="ReportOperations.EditDraft"/>;
/// <see cref="SummarySnapshot.EditDraft"/>): refused once signed or replaced, and for a date before the freeze.
/// </summary>
public sealed class EditReportDraft(ReportChange change, IValidator<EditReportDraftCommand> validator)
{
    /// <summary>Saves the draft; messages beside the command's fields when refused.</summary>
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, EditReportDraftCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Revision, ReportOperations.EditDraft, async context =>
        {
            var errors = (await validator.ValidateAsync(command, cancellationToken)).ToErrors();
            if (errors.Count == 0)
            {
                context.Report.EditDraft(command.ToDraft(), context.By, context.AtUtc);
            }

            return errors;
        }, cancellationToken);

    /// <summary>Each part within its length (<see cref="SummarySnapshot"/>'s constants, in characters).</summary>
    public sealed class Validator : AbstractValidator<EditReportDraftCommand>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Narrative).MaximumLength(SummarySnapshot.NarrativeMaxLength).WithName(_ => localizer["OfficialReport.Narrative"]);
            RuleFor(x => x.Number).MaximumLength(SummarySnapshot.NumberMaxLength).WithName(_ => localizer["OfficialReport.Number"]);
            RuleFor(x => x.IssuerCode).MaximumLength(SummarySnapshot.IssuerCodeMaxLength).WithName(_ => localizer["OfficialReport.IssuerCode"]);
            RuleFor(x => x.Place).MaximumLength(SummarySnapshot.PlaceMaxLength).WithName(_ => localizer["OfficialReport.Place"]);
            RuleFor(x => x.OnBehalfOf).MaximumLength(SummarySnapshot.SignatureMaxLength).WithName(_ => localizer["OfficialReport.OnBehalfOf"]);
            RuleFor(x => x.SignerRole).MaximumLength(SummarySnapshot.SignatureMaxLength).WithName(_ => localizer["OfficialReport.SignerRole"]);
            RuleFor(x => x.SignerName).MaximumLength(SummarySnapshot.SignatureMaxLength).WithName(_ => localizer["OfficialReport.SignerName"]);
            RuleFor(x => x.Recipients).MaximumLength(SummarySnapshot.RecipientsMaxLength).WithName(_ => localizer["OfficialReport.Recipients"]);
        }
    }
}
