using RepoML.Core.Scoring;

namespace RepoML.Training.Evaluation;

/// <summary>
/// The prediction outputs of a model RepoML did not train, by the names exporters give them (skl2onnx: <c>label</c>,
/// <c>probabilities</c> or <c>probability_tensor</c>, <c>variable</c> for a regressor), else by their shape: a classifier's
/// one numeric output with a column per class, a regressor's one numeric output.
/// </summary>
public static class ForeignOutputs
{
    private static readonly string[] LabelNames = ["label", "output_label", "predicted_label"];
    private static readonly string[] ProbabilityNames = ["probabilities", "probability_tensor", "probability", "probs"];
    private static readonly string[] ValueNames = ["variable", "predictions", "prediction", "output"];

    /// <summary>The outputs to evaluate: for a binary model its probabilities as <see cref="ModelOutputNames.Probability"/>, for a
    /// multiclass one as <see cref="ModelOutputNames.Score"/>, for a regressor its value as <see cref="ModelOutputNames.Score"/>.</summary>
    /// <exception cref="TrainingDataException">No output fits.</exception>
    public static ModelOutputNames Discover(MlTask task, ModelSignature signature)
    {
        var numeric = signature.Outputs.Where(o => o.ElementKind is TensorElementKind.Float or TensorElementKind.Double).ToList();
        var label = Named(signature.Outputs.Where(o => o.ElementKind != TensorElementKind.Other), LabelNames);
        if (task == MlTask.Regression)
        {
            var value = Named(numeric, ValueNames) ?? (numeric.Where(o => o.Name != label && o.RowWidth == 1).ToList() is [var only] ? only.Name : null);
            return value is not null ? new ModelOutputNames(null, value, null)
                : throw None("one numeric output with one value per row", signature);
        }

        var probabilities = Named(numeric, ProbabilityNames) ?? (numeric.Where(o => o.RowWidth >= 2).ToList() is [var one] ? one.Name : null);
        if (probabilities is not null)
        {
            return task == MlTask.Binary ? new ModelOutputNames(label, null, probabilities) : new ModelOutputNames(label, probabilities, null);
        }

        throw None("a probability output (one column per class)", signature);
    }

    private static string? Named(IEnumerable<ModelTensor> outputs, string[] names) =>
        names.Select(n => outputs.FirstOrDefault(o => string.Equals(o.Name, n, StringComparison.OrdinalIgnoreCase))?.Name).FirstOrDefault(n => n is not null);

    private static TrainingDataException None(string wanted, ModelSignature signature) =>
        new($"the model has neither ML.NET's Score or Probability output nor {wanted}; outputs: " +
            $"{string.Join(", ", signature.Outputs.Select(o => $"{o}"))}");
}
