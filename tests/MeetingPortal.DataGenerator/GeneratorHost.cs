using MeetingPortal.Infrastructure;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;

namespace MeetingPortal.DataGenerator;

public static class GeneratorHost
{
    /// <summary>The portal's own infrastructure, with the seeds loaded and no demo accounts.</summary>
    public static ServiceProvider Build(GeneratorArguments arguments)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = arguments.Provider ?? "Sqlite",
            ["Database:ConnectionString"] = arguments.Connection,
            ["Storage:DataDirectory"] = arguments.DataDirectory ?? Path.GetTempPath(),
            ["Seeding:Directory"] = Path.Combine(AppContext.BaseDirectory, "seeds"),
            ["Seeding:DemoData:Enabled"] = "false",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddSerilog(new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger(), dispose: true));
        services.AddInfrastructure(configuration, Directory.GetCurrentDirectory());
        // The generator writes past records with the notifications it chooses; live notifications would be noise.
        services.AddScoped<MeetingPortal.Infrastructure.Events.IDomainEventDispatcher, MeetingPortal.Infrastructure.Events.DiscardingDispatcher>();
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<MeetingPortalDbContext>();
        services.AddScoped<PortalDataGenerator>();
        return services.BuildServiceProvider();
    }
}
