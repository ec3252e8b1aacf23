using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// One handler of a page: its HTTP method, its name (null for the default one), and the names it binds from the
/// request: those of its method's parameters and those of the page's properties bound for its method.
/// </summary>
public sealed record EndpointHandler(string HttpMethod, string? Name, IReadOnlyList<string> Parameters, IReadOnlyList<string> Properties)
{
    /// <summary>Every name the handler binds.</summary>
    public IEnumerable<string> Inputs => Parameters.Concat(Properties).Distinct(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// One route of the endpoint list: its template, its route parameters, the page it reaches (null for an endpoint that
/// is not a page, such as a health check) and that page's handlers.
/// </summary>
public sealed record EndpointRoute(string Route, IReadOnlyList<string> RouteParameters, string? Page, IReadOnlyList<EndpointHandler> Handlers);

/// <summary>
/// What each route of the running portal reads from a request, taken from the endpoints themselves: each page's handler
/// parameters and bound properties (<c>[BindProperty]</c>, with <c>SupportsGet</c> for GET), with the properties of
/// complex types spelled out as the model binder reads them (<c>Input.Title</c>, <c>Input.Speeches[0].Content</c>).
/// A new page or a new parameter is therefore in every sweep without editing it.
/// </summary>
public static class EndpointInputs
{
    /// <summary>How deep complex types are followed; the portal's deepest input is a recommendation inside a speech inside the form.</summary>
    private const int MaxDepth = 4;

    public static async Task<IReadOnlyList<EndpointRoute>> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        var routes = new List<EndpointRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.Trim('/') ?? string.Empty;
            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                routes.Add(new EndpointRoute(route, routeParameters, null, []));
                continue;
            }

            // Endpoints carry the page's descriptor before its compiled form is loaded; the loader gives the handlers.
            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            var handlers = compiled.HandlerMethods
                .Select(h => new EndpointHandler(h.HttpMethod, h.Name, Parameters(metadata, h, routeParameters), Properties(metadata, compiled, h.HttpMethod, routeParameters)))
                .ToList();
            routes.Add(new EndpointRoute(route, routeParameters, compiled.ViewEnginePath, handlers));
        }

        return routes;
    }

    private static List<string> Parameters(IModelMetadataProvider metadata, HandlerMethodDescriptor handler, List<string> routeParameters)
    {
        var inputs = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.Parameters)
        {
            Add(metadata, inputs, parameter.BindingInfo, parameter.Name, parameter.ParameterType, HttpMethods.IsGet(handler.HttpMethod), routeParameters);
        }

        return [.. inputs];
    }

    private static List<string> Properties(IModelMetadataProvider metadata, CompiledPageActionDescriptor page, string httpMethod, List<string> routeParameters)
    {
        var inputs = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var request = new ActionContext { HttpContext = new DefaultHttpContext { Request = { Method = httpMethod } } };
        foreach (var property in page.BoundProperties)
        {
            // [BindProperty] without SupportsGet binds on posts only: its request predicate says so.
            if (property.BindingInfo?.RequestPredicate is { } predicate && !predicate(request))
            {
                continue;
            }

            Add(metadata, inputs, property.BindingInfo, property.Name, property.ParameterType, HttpMethods.IsGet(httpMethod), routeParameters);
        }

        return [.. inputs];
    }

    private static void Add(IModelMetadataProvider metadata, SortedSet<string> inputs, BindingInfo? binding, string name, Type type, bool get, List<string> routeParameters)
    {
        var source = binding?.BindingSource ?? metadata.GetMetadataForType(type).BindingSource;
        if (source is not null && (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.FormFile))
        {
            return;
        }

        // Route values come first for these names; the sweep sends them in the path instead.
        if (routeParameters.Contains(binding?.BinderModelName ?? name, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        // A complex model without a name of its own falls back to the empty prefix, as the page's links (GET) use it;
        // its forms (POST) carry the prefix.
        var model = metadata.GetMetadataForType(type);
        var prefix = binding?.BinderModelName ?? (get && model.IsComplexType && !model.IsEnumerableType ? string.Empty : name);
        AddModel(metadata, inputs, prefix, model, 0);
    }

    private static void AddModel(IModelMetadataProvider metadata, SortedSet<string> inputs, string name, ModelMetadata model, int depth)
    {
        if (!model.IsComplexType || depth > MaxDepth)
        {
            inputs.Add(name);
            return;
        }

        if (model.IsEnumerableType)
        {
            if (model.ElementMetadata is { IsComplexType: true } element)
            {
                AddModel(metadata, inputs, name + "[0]", element, depth + 1);
            }
            else
            {
                inputs.Add(name);
            }

            return;
        }

        foreach (var property in model.Properties.Where(p => p.IsBindingAllowed && (!p.IsReadOnly || p.IsComplexType)))
        {
            var propertyName = property.BinderModelName ?? property.PropertyName!;
            AddModel(metadata, inputs, name.Length == 0 ? propertyName : $"{name}.{propertyName}", property, depth + 1);
        }
    }
}
