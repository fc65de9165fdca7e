namespace RepoML.Training;

/// <summary>JSON conventions of the files RepoML writes: snake_case names, lower-case enum values, indented.</summary>
public static class TrainingJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(new LowerCase()) },
        NewLine = "\n",
    };

    /// <summary>NaN and infinities have no JSON form; they are written as null.</summary>
    public static IReadOnlyDictionary<string, double?> Finite(IReadOnlyDictionary<string, double> metrics) =>
        metrics.ToDictionary(m => m.Key, m => double.IsFinite(m.Value) ? m.Value : (double?)null, StringComparer.Ordinal);

    // "fasttree", "lightgbm", "binary": the spelling used on the command line.
    private sealed class LowerCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
