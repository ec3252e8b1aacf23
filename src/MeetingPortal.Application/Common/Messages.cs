using FluentValidation.Results;
using MeetingPortal.Domain.Common;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Common;

/// <summary>Turns what refused a change into messages for the user.</summary>
public static class Messages
{
    /// <summary>The message for a domain rule's code ("Domain.{code}" in the resources), or a general one.</summary>
    public static string For(this IStringLocalizer<SharedResource> localizer, DomainException exception) =>
        localizer["Domain." + exception.Code] is { ResourceNotFound: false } message ? message : localizer["Form.CannotApply"];

    /// <summary>Validation failures as messages beside their fields.</summary>
    public static List<UseCaseError> ToErrors(this ValidationResult result) =>
        result.Errors.Select(e => new UseCaseError(e.PropertyName, e.ErrorMessage)).ToList();
}
