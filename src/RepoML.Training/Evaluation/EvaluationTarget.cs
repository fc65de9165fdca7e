using RepoML.Core.Scoring;

namespace RepoML.Training.Evaluation;

/// <summary>What to compare the model's outputs with: the task, the label column, the class order and the output names.</summary>
public sealed record EvaluationTarget(MlTask Task, string Label, IReadOnlyList<string> Classes, ModelOutputNames Outputs)
{
    /// <summary>
    /// Whether the class of each probability column comes from the model's answers (<see cref="ClassColumns"/>): a foreign
    /// classifier, whose <see cref="Classes"/> are the data's, in class order.
    /// </summary>
    public bool ClassesFromModel { get; init; }

    /// <summary>From the model-info.json RepoML wrote when training; the label column may be overridden.</summary>
    public static EvaluationTarget FromInfo(ModelInfo info, string? label = null) => new(info.Task, label ?? info.Label, info.Classes, info.Outputs);

    /// <summary>
    /// For a bare .onnx file: outputs found by ML.NET's naming convention, else as other exporters name them
    /// (<see cref="ForeignOutputs"/>); classes taken from the data (ordered so that 1/true/yes is positive). An ML.NET
    /// multiclass export needs model-info.json to know its score column order; a foreign classifier's is learnt from its
    /// label output (<see cref="ClassColumns"/>).
    /// </summary>
    public static EvaluationTarget Discover(MlTask task, string label, ModelSignature signature, CsvTable table)
    {
        var outputs = ModelOutputNames.Discover(signature.Outputs.Select(o => o.Name));
        var foreign = outputs.Score is null && outputs.Probability is null;
        if (foreign)
        {
            outputs = ForeignOutputs.Discover(task, signature);
        }
        else if (task == MlTask.Multiclass)
        {
            throw new TrainingDataException("a multiclass model needs its model-info.json (class order of the score columns); pass the " +
                "folder RepoML trained into");
        }

        var classes = task == MlTask.Regression ? [] : TrainingSchema.ReadClasses(table, task, table.ColumnIndex(label));
        return new EvaluationTarget(task, label, classes, outputs) { ClassesFromModel = foreign && task != MlTask.Regression };
    }
}
