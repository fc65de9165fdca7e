namespace RepoML.Core.Scoring;

/// <summary>A loaded model that scores table rows. Implementations are thread-safe; see RepoML.Onnx's OnnxRuntimeScorer.</summary>
public interface IModelScorer : IDisposable
{
    ModelSignature Signature { get; }

    /// <summary>
    /// Scores <paramref name="rows"/> whose cells are in <paramref name="columns"/> order. Each model input takes the column
    /// with its exact name; numbers are parsed with the invariant culture and an empty cell is NaN.
    /// </summary>
    /// <param name="outputs">Output names to return; null for every tensor output.</param>
    /// <exception cref="ScoringInputException">A column is missing or a cell cannot be converted.</exception>
    ScoringResult Score(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string>? outputs = null);
}
