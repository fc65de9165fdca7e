namespace RepoML.Core.Serving;

/// <summary>A deployment's <c>data_collector</c>: which collections are enabled and how often files roll.</summary>
public sealed record DataCollectionSettings(RollingRate RollingRate, IReadOnlyList<string> Collections)
{
    public const string ModelInputs = "model_inputs";
    public const string ModelOutputs = "model_outputs";

    public bool Collects(string collection) => Collections.Contains(collection, StringComparer.Ordinal);
}
