using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Binds <see cref="bool"/> and <see cref="Nullable{Boolean}"/> as MVC does, except that a value which is not a boolean
/// ("abc", "1", ten thousand characters) keeps its message but not its raw value in the model state.
/// </summary>
/// <remarks>
/// A checkbox drawn with <c>asp-for</c> converts the model state's raw value back to a boolean, and threw (the page
/// answered 500) when a tampered form had posted something else (issue 14, item 5: the sign-in page's "remember me").
/// Without the raw value the checkbox is drawn from the model, unchecked; the message still says what was sent.
/// </remarks>
public sealed class BooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new BooleanBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class BooleanBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            if (EmptyQueryValue.IsEmptyCriterion(bindingContext))
            {
                return;
            }

            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet
                && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
                && entry.Errors.Count > 0)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, entry.AttemptedValue);
            }
        }
    }
}

/// <summary>
/// Binds an enum as MVC does, except that an empty value in a GET query ("sort=") is no value: the property keeps its
/// default and no error is recorded. A list's filter form sends empty fields, and a link may carry one; MVC recorded
/// "the value '' is invalid" for a non-nullable enum and the tracker listed nothing, without a word (issue 15 trial).
/// </summary>
public sealed class EnumBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType.IsEnum
            // MVC's own enum binder, which refuses a number no member has ("999"), as it would bind without this provider.
            ? new EnumBinder(new EnumTypeModelBinder(suppressBindingUndefinedValueToEnumType: true, context.Metadata.UnderlyingOrModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class EnumBinder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext) =>
            EmptyQueryValue.IsEmptyCriterion(bindingContext) ? Task.CompletedTask : inner.BindModelAsync(bindingContext);
    }
}

/// <summary>The one rule both binders apply: an empty value of a GET query is a criterion not given.</summary>
internal static class EmptyQueryValue
{
    /// <summary>True for a GET request whose value for the model is present and empty.</summary>
    public static bool IsEmptyCriterion(ModelBindingContext context)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            return false;
        }

        var value = context.ValueProvider.GetValue(context.ModelName);
        return value != ValueProviderResult.None && string.IsNullOrEmpty(value.FirstValue);
    }
}
