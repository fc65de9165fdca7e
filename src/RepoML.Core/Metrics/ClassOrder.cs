namespace RepoML.Core.Metrics;

/// <summary>
/// Orders class labels: numbers numerically, then false/no before true/yes, then ordinal text. For a binary
/// task the last class is the positive one, so 0/1, false/true and no/yes come out as expected. Training orders the
/// label's classes by it (model-info.json), and monitoring maps a binary model's true/false predictions back to them.
/// </summary>
public sealed class ClassOrder : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static readonly ClassOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) &&
            double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a != b)
        {
            return a.CompareTo(b);
        }

        var byRank = Rank(x).CompareTo(Rank(y));
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static int Rank(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "false" or "no" or "negative" => 0,
        "true" or "yes" or "positive" => 2,
        _ => 1,
    };
}
