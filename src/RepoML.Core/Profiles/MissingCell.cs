namespace RepoML.Core.Profiles;

/// <summary>
/// What a CSV cell spells "no value" with: nothing (or only spaces), or NA, N/A, NaN, null in any case, as pandas and R write
/// them. Profiles, training, evaluation and monitoring baselines read the same cells as missing, so a numeric column with
/// "NA" in it stays numeric everywhere instead of turning into text in one place.
/// </summary>
public static class MissingCell
{
    public static bool Is(ReadOnlySpan<char> cell)
    {
        var value = cell.Trim();
        return value.Length == 0 || ((value[0] | 0x20) == 'n' && Spelled(value));
    }

    private static bool Spelled(ReadOnlySpan<char> value) =>
        value.Equals("NA", StringComparison.OrdinalIgnoreCase) || value.Equals("N/A", StringComparison.OrdinalIgnoreCase)
        || value.Equals("NaN", StringComparison.OrdinalIgnoreCase) || value.Equals("null", StringComparison.OrdinalIgnoreCase);
}
