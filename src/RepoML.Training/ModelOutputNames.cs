namespace RepoML.Training;

/// <summary>
/// The ONNX output names that carry the prediction. Models trained by RepoML use ML.NET's column names
/// with the exporter's suffix: <c>PredictedLabel.output</c>, <c>Score.output</c>, <c>Probability.output</c>.
/// </summary>
public sealed record ModelOutputNames(string? PredictedLabel, string? Score, string? Probability)
{
    /// <summary>Finds the outputs by ML.NET's naming convention: the exact name or the name followed by a dot.</summary>
    public static ModelOutputNames Discover(IEnumerable<string> outputs)
    {
        var names = outputs.ToList();
        string? Find(string column) => names.FirstOrDefault(n => n == column) ?? names.FirstOrDefault(n => n.StartsWith(column + ".",
            StringComparison.Ordinal));
        return new ModelOutputNames(Find("PredictedLabel"), Find("Score"), Find("Probability"));
    }
}
