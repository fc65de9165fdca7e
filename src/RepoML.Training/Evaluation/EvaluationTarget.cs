using RepoML.Core.Scoring;

namespace RepoML.Training.Evaluation;

/// <summary>What to compare the model's outputs with: the task, the label column, the class order and the output names.</summary>
public sealed record EvaluationTarget(MlTask Task, string Label, IReadOnlyList<string> Classes, ModelOutputNames Outputs)
{
    /// <summary>From the model-info.json RepoML wrote when training; the label column may be overridden.</summary>
    public static EvaluationTarget FromInfo(ModelInfo info, string? label = null) => new(info.Task, label ?? info.Label, info.Classes, info.Outputs);

    /// <summary>
    /// For a bare .onnx file: outputs found by ML.NET's naming convention, binary classes taken from the data
    /// (ordered so that 1/true/yes is positive). Multiclass needs model-info.json to know the score column order.
    /// </summary>
    public static EvaluationTarget Discover(MlTask task, string label, ModelSignature signature, CsvTable table)
    {
        var outputs = ModelOutputNames.Discover(signature.Outputs.Select(o => o.Name));
        if (task == MlTask.Multiclass)
        {
            throw new TrainingDataException("a multiclass model needs its model-info.json (class order of the score columns); pass the " +
                "folder RepoML trained into");
        }

        if (outputs.Score is null && outputs.Probability is null)
        {
            throw new TrainingDataException($"the model has no Score or Probability output; outputs: " +
                $"{string.Join(", ", signature.Outputs.Select(o => o.Name))}");
        }

        var classes = task == MlTask.Binary
            ? TrainingSchema.ReadClasses(table, task, table.ColumnIndex(label))
            : [];
        return new EvaluationTarget(task, label, classes, outputs);
    }
}
