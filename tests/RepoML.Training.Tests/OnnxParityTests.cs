using Microsoft.ML;
using Microsoft.ML.Data;

namespace RepoML.Training.Tests;

public sealed class OnnxParityTests
{
    public static TheoryData<MlTask, TrainerKind, string, string> Cases() => new()
    {
        { MlTask.Binary, TrainerKind.FastTree, "breast_cancer.csv", "diagnosis" },
        { MlTask.Binary, TrainerKind.LightGbm, "breast_cancer.csv", "diagnosis" },
        { MlTask.Binary, TrainerKind.Linear, "breast_cancer.csv", "diagnosis" },
        { MlTask.Multiclass, TrainerKind.FastTree, "iris.csv", "species" },
        { MlTask.Multiclass, TrainerKind.LightGbm, "iris.csv", "species" },
        { MlTask.Multiclass, TrainerKind.Linear, "iris.csv", "species" },
        { MlTask.Regression, TrainerKind.FastTree, "diabetes.csv", "progression" },
        { MlTask.Regression, TrainerKind.LightGbm, "diabetes.csv", "progression" },
        { MlTask.Regression, TrainerKind.Linear, "diabetes.csv", "progression" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_reproduce_mlnet_predictions_in_onnx_runtime_When_a_model_is_exported(MlTask task, TrainerKind trainer, string file,
        string label)
    {
        // Given a small model trained on a real dataset, with one categorical column for regression
        var table = CsvTable.Load(TestData.Path(file));
        var request = new TrainingRequest(task, trainer, label, Categorical: task == MlTask.Regression ? ["sex"] : null, Parameters: Small(trainer));

        // When it is trained and exported
        var model = MlNetTrainer.Train(table, request);

        // Then ONNX Runtime's scores equal ML.NET's on every training row
        var schema = new TrainingSchema(model.Info.Task, model.Info.Label, model.Info.Classes, model.Info.Features);
        var predictions = model.Transformer.Transform(TableColumns.ToDataView(table, schema, withLabel: false));
        using var scorer = OnnxRuntimeScorer.Load(model.Onnx);
        var onnx = scorer.Score(table.Header, table.Rows);
        var expected = task == MlTask.Multiclass
            ? predictions.GetColumn<VBuffer<float>>("Score").SelectMany(v => v.DenseValues()).ToArray()
            : predictions.GetColumn<float>("Score").ToArray();
        var actual = onnx[model.Info.Outputs.Score!].Numbers!;
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])),
                $"row value {i}: ML.NET {expected[i]} vs ONNX {actual[i]}");
        }

        Assert.Equal([.. schema.Features.Select(f => f.Name)], scorer.Signature.Inputs.Select(i => i.Name));
        Assert.InRange(model.TrainingEvaluation.Metrics[MetricNames.ForTask(task)[0]], task == MlTask.Regression ? 10 : 0.8,
            task == MlTask.Regression ? 80 : 1.0);
    }

    internal static string[] Small(TrainerKind trainer) => trainer == TrainerKind.Linear ? [] : ["number_of_trees=10", "number_of_leaves=8"];
}
