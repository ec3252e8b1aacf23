using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Gives a bound property, handler parameter or type without <c>[Display(Name = "&lt;resource key&gt;")]</c> an empty
/// display name, where MVC would use its C# name: the model-binding messages (Program.cs) then name no field
/// ("Giá trị «abc» không hợp lệ.") rather than "… không hợp lệ cho UnitId." (issue 18 trial, FAIL 4). A field the user
/// sees is still to get its label as its Display name, so that the message says which field it is.
/// </summary>
/// <remarks>
/// Registered after MVC's data-annotations provider, so a Display name is already set when this one runs. The portal
/// validates with FluentValidation (ADR 0009) and writes every label's text itself, so nothing else reads the
/// display name of an unlabelled field.
/// </remarks>
public sealed class UnlabelledFieldsProvider : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.DisplayMetadata.DisplayName is null
            && !context.Attributes.OfType<DisplayAttribute>().Any(a => a.Name is not null)
            && !context.Attributes.OfType<DisplayNameAttribute>().Any())
        {
            context.DisplayMetadata.DisplayName = () => string.Empty;
        }
    }
}
