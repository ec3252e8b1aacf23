namespace MeetingPortal.DataGenerator;

public sealed record GeneratorArguments(GeneratorOptions? Options, string? Provider, string? Connection, string? DataDirectory, string? Error)
{
    public const string Usage = "usage: --scale ward|province|country --data <folder> | --provider SqlServer --connection <string> [--seed N] [--as-of yyyy-MM-dd] [--password P]";

    public static GeneratorArguments Parse(string[] args, string? passwordFromEnvironment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string? Fail(string message) => message;
        var scale = GeneratorScale.Parse(values.GetValueOrDefault("scale") ?? "province");
        var seed = int.TryParse(values.GetValueOrDefault("seed") ?? "1", out var s) ? s : (int?)null;
        var asOf = DateOnly.TryParseExact(values.GetValueOrDefault("as-of") ?? "2026-11-21", "yyyy-MM-dd", out var d) ? d : (DateOnly?)null;
        var password = values.GetValueOrDefault("password") ?? passwordFromEnvironment;
        var provider = values.GetValueOrDefault("provider");
        var error = scale is null ? Fail("unknown scale")
            : seed is null ? Fail("the seed is a whole number")
            : asOf is null ? Fail("--as-of is a date yyyy-MM-dd")
            : string.IsNullOrWhiteSpace(password) ? Fail("set MEETINGPORTAL_GENERATED_PASSWORD or --password for the generated accounts")
            : provider is null && !values.ContainsKey("data") ? Fail("--data <folder> is needed for SQLite")
            : provider is not null && !values.ContainsKey("connection") ? Fail("--connection is needed with --provider")
            : null;
        return new GeneratorArguments(error is null ? new GeneratorOptions(scale!, seed!.Value, asOf!.Value, password!) : null,
            provider, values.GetValueOrDefault("connection"), values.GetValueOrDefault("data"), error);
    }
}
