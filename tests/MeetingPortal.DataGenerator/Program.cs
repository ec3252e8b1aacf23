using MeetingPortal.DataGenerator;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tests/MeetingPortal.DataGenerator -- --scale province --data /tmp/province [--seed 1] [--as-of 2026-11-21]
// The generated accounts' password comes from MEETINGPORTAL_GENERATED_PASSWORD (or --password); there is no default.
var arguments = GeneratorArguments.Parse(args, Environment.GetEnvironmentVariable("MEETINGPORTAL_GENERATED_PASSWORD"));
if (arguments.Error is { } error)
{
    await Console.Error.WriteLineAsync(error + "\n" + GeneratorArguments.Usage);
    return 2;
}

await using var services = GeneratorHost.Build(arguments);
await using (var scope = services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

var result = await services.GetRequiredService<PortalDataGenerator>().GenerateAsync(arguments.Options!);
Console.WriteLine($"scale {arguments.Options!.Scale.Name}, seed {arguments.Options.Seed}: {result.Units} units, {result.Meetings} meetings, "
    + $"{result.Recommendations} recommendations, {result.Responses} responses, {result.Directives} directives, {result.Accounts} accounts in {result.Elapsed.TotalSeconds:F0} s");
return 0;
