namespace MeetingPortal.Domain.Common;

/// <summary>
/// How alike two texts are once folded: Vietnamese words are syllables, so pairs of syllables
/// ("phu cap", "kinh phi") carry most of the meaning; single syllables add recall.
/// </summary>
public static class TextSimilarity
{
    public static double Score(string? a, string? b)
    {
        var (wordsA, pairsA) = Tokens(a);
        var (wordsB, pairsB) = Tokens(b);
        return (0.4 * Jaccard(wordsA, wordsB)) + (0.6 * Jaccard(pairsA, pairsB));
    }

    private static (HashSet<string> Words, HashSet<string> Pairs) Tokens(string? text)
    {
        var syllables = TextNormalizer.FoldForSearch(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = syllables.Where(s => s.Length > 1).ToHashSet(StringComparer.Ordinal);
        var pairs = syllables.Zip(syllables.Skip(1), (x, y) => x + " " + y).ToHashSet(StringComparer.Ordinal);
        return (words, pairs);
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}
