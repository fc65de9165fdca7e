namespace RepoML.Training.Sweeps;

/// <summary>One trial of a sweep: its parameters (all of them, defaults included) and validation metrics.</summary>
public sealed record SweepTrial(int Trial, [property: JsonPropertyName("params")] IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyDictionary<string, double?> Metrics, double? PrimaryValue);
