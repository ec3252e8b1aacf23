using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Application.Authorization;

/// <summary>
/// Named policies for what has no record to ask about (a menu entry, a whole page area). Everything about
/// a record goes through an operation on its resource instead.
/// </summary>
public static class Policies
{
    /// <summary>The administration area: an Administrator at any level (what each may change is asked per record).</summary>
    public const string Administration = nameof(Administration);

    /// <summary>The national settings pages (calendar, due rules, themes): the top unit's Administrators.</summary>
    public const string NationalSettings = nameof(NationalSettings);

    /// <summary>The answer queue: Responders, who answer for a body.</summary>
    public const string AnswerQueue = nameof(AnswerQueue);

    /// <summary>The raising side's pages ("our recommendations", those sent before a dialogue): Raisers (ADR 0026).</summary>
    public const string RaisingSide = nameof(RaisingSide);

    /// <summary>
    /// Every page of the committees' records: any signed-in user but a Raiser, who reaches only the raising side's pages
    /// and what is public (ADR 0026). Put on each such page by a convention, so a page added later is closed to them too.
    /// </summary>
    public const string CommitteeRecords = nameof(CommitteeRecords);

    /// <summary>Registers the resource handlers and the named policies: the one way the portal authorizes.</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, MeetingAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, AttachmentAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, RecommendationAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, DirectiveAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, PlanAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, GatheredRecommendationAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ReportAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, UnitAdministrationHandler>();
        services.AddSingleton<IAuthorizationHandler, AccountAdministrationHandler>();
        services.AddSingleton<IAuthorizationHandler, NationalSettingsHandler>();
        services.AddSingleton<IAuthorizationHandler, AnswerTemplateAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Administration, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(NationalSettings, policy => policy.RequireAssertion(context => context.User.IsTopAdministrator()))
            .AddPolicy(AnswerQueue, policy => policy.RequireRole(Roles.Responder))
            .AddPolicy(RaisingSide, policy => policy.RequireRole(Roles.Raiser))
            .AddPolicy(CommitteeRecords, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => !context.User.IsInRole(Roles.Raiser)));
        return services;
    }
}
