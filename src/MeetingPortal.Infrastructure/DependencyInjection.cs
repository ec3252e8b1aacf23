using MeetingPortal.Infrastructure.Coordination;
using MeetingPortal.Infrastructure.Events;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Health;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingPortal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = new StorageOptions { DataDirectory = StorageOptions.ResolveDataDirectory(configuration, contentRoot) };
        database.ConnectionString = ResolveConnectionString(database, storage, configuration);

        services.AddSingleton(database);
        services.AddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, SystemUser>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<DomainEventInterceptor>();
        services.AddScoped<FigureChangeInterceptor>();
        services.TryAddScoped<IDomainEventDispatcher, NotifyingDispatcher>();
        services.AddScoped<CalendarService>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<UnitMerger>();
        services.AddScoped<Notifier>();
        services.Configure<MonitoringOptions>(configuration.GetSection(MonitoringOptions.SectionName));
        services.AddScoped<RecommendationMonitor>();
        services.AddScoped<PlanMonitor>();
        services.AddScoped<PlannerStatistics>();
        services.AddHostedService<RecommendationMonitorService>();
        services.AddHostedService<PlannerStatisticsService>();
        services.AddSingleton<ServerIdentity>();
        services.AddScoped<Leases>();
        services.AddScoped<MeetingPortal.Infrastructure.Submissions.FormSubmissions>();
        services.AddScoped<Identity.SignInSessions>();
        services.AddScoped<Identity.PasswordThrottle>();

        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerMeetingPortalDbContext>((sp, options) => options
                    .UseSqlServer(database.ConnectionString)
                    .ConfigureWarnings(ThrowOnCartesianQueries)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FigureChangeInterceptor>(), sp.GetRequiredService<DomainEventInterceptor>()));
                services.AddScoped<MeetingPortalDbContext>(sp => sp.GetRequiredService<SqlServerMeetingPortalDbContext>());
                break;
            default:
                Directory.CreateDirectory(storage.DataDirectory);
                services.AddDbContext<SqliteMeetingPortalDbContext>((sp, options) => options
                    .UseSqlite(database.ConnectionString)
                    .ConfigureWarnings(ThrowOnCartesianQueries)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<FigureChangeInterceptor>(), sp.GetRequiredService<DomainEventInterceptor>()));
                services.AddScoped<MeetingPortalDbContext>(sp => sp.GetRequiredService<SqliteMeetingPortalDbContext>());
                break;
        }

        services.Configure<SeedingOptions>(configuration.GetSection(SeedingOptions.SectionName));
        services.AddScoped<InterchangeImporter>();
        services.AddScoped<InterchangeExporter>();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoHistorySeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<StartupState>();
        services.AddHostedService<DeferredInitializationService>();
        services.AddPortalHealthChecks();
        return services;
    }

    /// <summary>A query that loads two collections in one statement multiplies rows; such queries must say AsSplitQuery.</summary>
    private static void ThrowOnCartesianQueries(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Throw(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.MultipleCollectionIncludeWarning);

    private static string ResolveConnectionString(DatabaseOptions database, StorageOptions storage, IConfiguration configuration)
    {
        var configured = database.ConnectionString;
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration.GetConnectionString("MeetingPortal");
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (database.Provider == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException("Database:Provider is SqlServer but no connection string is set (Database:ConnectionString or ConnectionStrings:MeetingPortal).");
        }

        return $"Data Source={Path.Combine(storage.DataDirectory, "meetingportal.db")}";
    }
}
