namespace MeetingPortal.DataGenerator;

/// <summary>
/// How much to generate. "province" is one province's history at the size the performance issue names:
/// 1 province, 12 districts, 200 wards, 8 years of quarterly meetings at every level.
/// </summary>
public sealed record GeneratorScale(string Name, int Provinces, int DistrictsPerProvince, int WardsPerProvince, int Years, int MinRecommendations, int MaxRecommendations)
{
    public static readonly GeneratorScale Ward = new("ward", 1, 1, 3, 2, 10, 30);
    public static readonly GeneratorScale Province = new("province", 1, 12, 200, 8, 15, 35);
    public static readonly GeneratorScale Country = new("country", 34, 6, 30, 8, 15, 35);

    public static GeneratorScale? Parse(string name) => name.ToLowerInvariant() switch
    {
        "ward" => Ward,
        "province" => Province,
        "country" => Country,
        _ => null,
    };
}
