using MeetingPortal.DataGenerator;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>The generator gives the same data for the same seed, other data for another, with every status the portal knows.</summary>
public sealed class DataGeneratorTests : IDisposable
{
    private readonly List<string> _folders = [];

    private async Task<(GeneratorResult Result, string Digest, Dictionary<RecommendationStatus, int> Statuses, int Forwarded, int Recurring, int Overdue)> GenerateAsync(int seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mp-gen-{Guid.NewGuid():N}");
        _folders.Add(folder);
        var arguments = GeneratorArguments.Parse(["--scale", "ward", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", folder], "Gen#Test-2026x");
        Assert.Null(arguments.Error);
        await using var services = GeneratorHost.Build(arguments);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var result = await services.GetRequiredService<PortalDataGenerator>().GenerateAsync(arguments.Options!);
        await using var read = services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var generated = db.Recommendations.AsNoTracking().Where(r => r.Meeting!.Unit!.Code.StartsWith("gen"));
        var rows = await generated.OrderBy(r => r.Id)
            .Select(r => new { r.Meeting!.Unit!.Code, r.Meeting.HeldOn, r.Meeting.Title, r.Content, r.Status, r.DueOn, r.FirstAnsweredOn, r.ResolvedOn, r.RecurrenceOfId, Responses = r.Responses.Count() })
            .ToListAsync();
        // Hashes are salted afresh on each run; ids, names and units are not.
        var accounts = (await db.Users.AsNoTracking().Where(u => u.UserName!.Contains(".gen")).OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.UnitId, u.SecurityStamp }).ToListAsync()).Select(a => a.ToString());
        var digest = string.Join("\n", rows.Select(r => r.ToString())) + string.Join("|", accounts);
        var statuses = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var forwarded = await db.RecommendationHops.CountAsync(h => generated.Any(r => r.Id == h.RecommendationId));
        var overdue = rows.Count(r => r.Status is RecommendationStatus.New or RecommendationStatus.Assigned or RecommendationStatus.InProgress && r.DueOn < arguments.Options!.AsOf);
        return (result, digest, statuses, forwarded, rows.Count(r => r.RecurrenceOfId != null), overdue);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var first = await GenerateAsync(7);
        var again = await GenerateAsync(7);
        var other = await GenerateAsync(8);

        Assert.Equal(first.Digest, again.Digest);
        Assert.NotEqual(first.Digest, other.Digest);
        Assert.Equal(first.Result with { Elapsed = TimeSpan.Zero }, again.Result with { Elapsed = TimeSpan.Zero });
    }

    [Fact]
    public async Task Generated_data_has_every_status_and_realistic_shares()
    {
        var (result, _, statuses, forwarded, recurring, overdue) = await GenerateAsync(1);

        Assert.Equal(5, result.Units);
        Assert.True(result.Meetings >= 35, $"{result.Meetings} meetings");
        Assert.All(Enum.GetValues<RecommendationStatus>(), s => Assert.True(statuses.GetValueOrDefault(s) > 0, $"no {s}"));
        var total = statuses.Values.Sum();
        Assert.Equal(result.Recommendations, total);
        var answered = total - statuses.GetValueOrDefault(RecommendationStatus.New) - statuses.GetValueOrDefault(RecommendationStatus.Assigned) - statuses.GetValueOrDefault(RecommendationStatus.InProgress);
        Assert.InRange(answered * 100 / total, 50, 90);
        Assert.InRange(overdue * 100 / total, 3, 40);
        Assert.True(forwarded > 0 && recurring > 0, $"{forwarded} forwarded, {recurring} recurring");
        Assert.InRange(result.Responses * 100 / result.Recommendations, 100, 200);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
