namespace RepoML.Core.Scoring;

/// <summary>The outputs of scoring a batch of rows, in the order requested.</summary>
public sealed record ScoringResult(int Rows, IReadOnlyList<ScoredTensor> Outputs)
{
    public ScoredTensor this[string name] =>
        Outputs.FirstOrDefault(o => o.Name == name)
            ?? throw new KeyNotFoundException($"no output named '{name}'; outputs: {string.Join(", ", Outputs.Select(o => o.Name))}");
}
