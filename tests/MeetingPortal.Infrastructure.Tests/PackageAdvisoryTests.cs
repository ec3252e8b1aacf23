using System.Text.Json;
using System.Text.RegularExpressions;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// The registry here serves no vulnerability data, so NuGet's audit stays silent whatever the graph holds
/// (issue 12). docs/security.md keeps the advisories that concern our packages with the lowest version
/// allowed; this fails when any project's restored graph (obj/project.assets.json) holds a lower one.
/// </summary>
public sealed partial class PackageAdvisoryTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] ProjectFolders = ["src", "tests"];

    [Fact]
    public void No_restored_package_is_below_a_version_docs_security_md_requires()
    {
        var minimums = Minimums();
        Assert.True(minimums.Count >= 5, "docs/security.md lists the advisories in a table between the advisory markers");
        var graph = RestoredPackages();
        Assert.Contains(graph, p => p.Name == "Microsoft.EntityFrameworkCore");

        var below = graph
            .SelectMany(package => minimums
                .Where(rule => rule.Matches(package.Name) && package.Version < rule.Minimum)
                .Select(rule => $"{package.Project}: {package.Name} {package.Version} < {rule.Minimum} ({rule.Advisory})"))
            .Distinct()
            .ToList();
        Assert.True(below.Count == 0, string.Join("\n", below));
    }

    [Fact]
    public void The_check_reads_the_versions_it_compares()
    {
        var rules = Minimums();
        var sqlClient = Assert.Single(rules, r => r.Matches("Microsoft.Data.SqlClient"));
        Assert.True(new Version(2, 1, 4) < sqlClient.Minimum, "2.1.4 (EF Core 6's SqlClient) must count as below the fix");
        Assert.True(rules.Single(r => r.Matches("Newtonsoft.Json")).Minimum > new Version(9, 0, 1));
        Assert.Contains(rules, r => r.Matches("Microsoft.EntityFrameworkCore.Sqlite") && r.Minimum.Major >= 10);
    }

    private sealed record Rule(string Pattern, Version Minimum, string Advisory)
    {
        public bool Matches(string name) => Pattern.EndsWith('*')
            ? name.StartsWith(Pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(name, Pattern, StringComparison.OrdinalIgnoreCase);
    }

    private static List<Rule> Minimums()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "security.md"));
        var start = text.IndexOf("<!-- advisories -->", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- /advisories -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/security.md has no advisory table");
        return RowPattern().Matches(text[start..end])
            .Select(m => new Rule(m.Groups["package"].Value.Trim(), Version.Parse(m.Groups["minimum"].Value), m.Groups["advisory"].Value.Trim()))
            .ToList();
    }

    private static List<(string Project, string Name, Version Version)> RestoredPackages()
    {
        var assets = ProjectFolders
            .SelectMany(folder => Directory.GetDirectories(Path.Combine(Root, folder)))
            .Select(project => Path.Combine(project, "obj", "project.assets.json"))
            .Where(File.Exists)
            .ToList();
        Assert.True(assets.Count >= 3, "the projects have been restored");
        var packages = new List<(string, string, Version)>();
        foreach (var file in assets)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var library in document.RootElement.GetProperty("libraries").EnumerateObject())
            {
                if (library.Value.GetProperty("type").GetString() != "package")
                {
                    continue;
                }

                var parts = library.Name.Split('/');
                var version = Version.Parse(parts[1].Split('-', '+')[0]);
                packages.Add((Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, parts[0], version));
            }
        }

        return packages;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MeetingPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MeetingPortal.sln not found above " + AppContext.BaseDirectory);
    }

    // | `Package` | advisory text | `1.2.3` |
    [GeneratedRegex(@"^\|\s*`(?<package>[^`]+)`\s*\|(?<advisory>[^|]+)\|\s*`(?<minimum>\d+(\.\d+){1,3})`\s*\|", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
