namespace RepoML.Training;

/// <summary>What model-info.json records next to model.onnx: enough to score and evaluate the model without ML.NET.</summary>
/// <param name="Classes">Binary: [negative, positive]; multiclass: the order of the probability columns; regression: empty.</param>
/// <param name="Rows">Rows the model was trained on.</param>
public sealed record ModelInfo(
    MlTask Task,
    string Label,
    IReadOnlyList<string> Classes,
    IReadOnlyList<FeatureColumn> Features,
    TrainerKind Trainer,
    [property: JsonPropertyName("params")] IReadOnlyDictionary<string, double> Parameters,
    int Seed,
    int Rows,
    [property: JsonPropertyName("mlnet_version")] string MlNetVersion,
    ModelOutputNames Outputs)
{
    public const string FileName = "model-info.json";
}
