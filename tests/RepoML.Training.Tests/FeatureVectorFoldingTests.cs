using System.Globalization;
using Microsoft.ML;

namespace RepoML.Training.Tests;

/// <summary>
/// Models trained on real data, scored with their feature vector built in managed code (the default for every scorer),
/// against ML.NET's own export run as written: every output of every row must be the same bits, rows with text the
/// model never saw, empty text and missing numbers included, in batches and one row a call.
/// </summary>
public sealed class FeatureVectorFoldingTests : IDisposable
{
    private readonly TempFolder folder = new("vector");

    [Fact]
    public void Should_score_every_row_as_mlnets_export_does_When_the_sample_credit_model_is_scored()
    {
        // Given the sample credit model as pipelines/train.yml trains it: 13 text and 7 numeric columns, FastTree
        var table = CsvTable.Load(Path.Combine(RepositoryRoot.Path, "data", "credit", "credit.csv"));
        var request = new TrainingRequest(MlTask.Binary, TrainerKind.FastTree, "class",
            Parameters: ["number_of_trees=100", "number_of_leaves=8", "learning_rate=0.05"]);

        // When it is trained, then it scores every row as ML.NET's export does
        AssertScoresAsExport(table, request);
    }

    public static TheoryData<MlTask, TrainerKind, string, string, string[]> HeldOut() => new()
    {
        { MlTask.Regression, TrainerKind.FastTree, "diabetes.csv", "progression", ["sex"] },
        { MlTask.Regression, TrainerKind.LightGbm, "diabetes.csv", "progression", ["sex"] },
        { MlTask.Regression, TrainerKind.Linear, "diabetes.csv", "progression", ["sex"] },
        { MlTask.Multiclass, TrainerKind.FastTree, "iris.csv", "species", [] },
        { MlTask.Binary, TrainerKind.LightGbm, "breast_cancer.csv", "diagnosis", [] },
    };

    [Theory]
    [MemberData(nameof(HeldOut))]
    public void Should_score_every_row_as_mlnets_export_does_When_a_model_of_other_data_is_scored(
        MlTask task, TrainerKind trainer, string file, string label, string[] categorical)
    {
        // Given other real data, with a text column where one is named
        var table = CsvTable.Load(TestData.Path(file));
        var request = new TrainingRequest(task, trainer, label, Categorical: categorical, Parameters: OnnxParityTests.Small(trainer));

        // When a model is trained, then it scores every row as ML.NET's export does
        AssertScoresAsExport(table, request);
    }

    public void Dispose() => folder.Dispose();

    private void AssertScoresAsExport(CsvTable table, TrainingRequest request)
    {
        var model = MlNetTrainer.Train(table, request);
        var schema = new TrainingSchema(model.Info.Task, model.Info.Label, model.Info.Classes, model.Info.Features);
        using var stream = new MemoryStream();
        string[] mlnetColumns = request.Task switch
        {
            MlTask.Binary => ["PredictedLabel", "Score", "Probability"],
            MlTask.Multiclass => ["PredictedLabel", "Score"],
            _ => ["Score"],
        };
        model.Context.Model.ConvertToOnnx(model.Transformer, TableColumns.ToDataView(table, schema, withLabel: false), stream, mlnetColumns);
        var path = folder.Write($"{Guid.NewGuid():N}.onnx", model.Onnx);

        var columns = schema.Features.Select(f => f.Name).ToList();
        var rows = Rows(table, schema);
        using var export = OnnxRuntimeScorer.Load(stream.ToArray(), fold: false);
        using var scorer = OnnxRuntimeScorer.Load(model.Onnx);
        using var session = OnnxServingSession.Load(path);
        var expected = export.Score(columns, rows);
        var batched = scorer.Score(columns, rows);

        Assert.True(scorer.FeatureVectorFolded);
        Assert.True(session.FeatureVectorFolded);
        // A binary classifier's calibration, Sigmoid, Binarizer and casts run in managed code in the serving session.
        Assert.True(request.Task != MlTask.Binary || session.ScoreTailFolded, "the score tail of a binary classifier was not folded");
        Assert.Equal(export.Signature.Outputs.Select(o => $"{o.Name}:{o.ElementKind}:{string.Join(',', o.Shape)}"),
            session.Signature.Outputs.Select(o => $"{o.Name}:{o.ElementKind}:{string.Join(',', o.Shape)}"));
        Assert.Equal(expected.Outputs.Select(o => o.Name), batched.Outputs.Select(o => o.Name));
        foreach (var output in expected.Outputs)
        {
            Assert.Equal(Bits(output.Numbers), Bits(batched[output.Name].Numbers));
            Assert.Equal(output.Strings, batched[output.Name].Strings);
        }

        // One row a call through the server's kept (then bound) values, against the export run on that row alone (a run of
        // one row may sum in another order than a batch: linear models do).
        var outputs = expected.Outputs.Select(o => o.Name).ToArray();
        foreach (var row in rows)
        {
            var alone = export.Score(columns, [row]);
            var answer = OneRow(session, columns, row, outputs);
            for (var k = 0; k < outputs.Length; k++)
            {
                Assert.True(answer[k].Data is string[] texts
                    ? texts.SequenceEqual(alone.Outputs[k].Strings!)
                    : Bits(Numbers(answer[k].Data)).SequenceEqual(Bits(alone.Outputs[k].Numbers)),
                    $"row {string.Join(",", row)}, output {outputs[k]}");
            }
        }
    }

    /// <summary>Every row, then rows with an unseen text, an empty text or a missing number in turn.</summary>
    private static List<IReadOnlyList<string>> Rows(CsvTable table, TrainingSchema schema)
    {
        var at = schema.Features.Select(f => table.ColumnIndex(f.Name)).ToArray();
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)[.. at.Select(i => r[i])]).ToList();
        var changed = rows.Take(60).Select((row, n) => (IReadOnlyList<string>)[.. row.Select((cell, i) => (n + i) % 4 != 0 ? cell
            : schema.Features[i].Kind == FeatureEncoding.Categorical ? (n % 2 == 0 ? "never seen" : "")
            : "")]);
        rows.AddRange(changed);
        return rows;
    }

    private static IReadOnlyList<OnnxTensor> OneRow(OnnxServingSession session, List<string> columns, IReadOnlyList<string> row, string[] outputs)
    {
        using var values = session.RentInputs([.. session.Inputs.Select(_ => new long[] { 1, 1 })]);
        for (var i = 0; i < session.Inputs.Count; i++)
        {
            var cell = row[columns.IndexOf(session.Inputs[i].Name)];
            values.Write(i, session.Inputs[i].DataType == TensorDataType.Bytes
                ? new[] { cell }
                : new[] { cell.Length == 0 ? float.NaN : (float)double.Parse(cell, CultureInfo.InvariantCulture) }, 0);
        }

        return session.Run(values, outputs);
    }

    private static double[] Numbers(Array data) => data switch
    {
        float[] floats => [.. floats.Select(f => (double)f)],
        bool[] flags => [.. flags.Select(b => b ? 1.0 : 0.0)],
        long[] longs => [.. longs.Select(l => (double)l)],
        _ => throw new InvalidOperationException($"unexpected output data {data.GetType().Name}"),
    };

    private static long[] Bits(double[]? values) => [.. (values ?? []).Select(BitConverter.DoubleToInt64Bits)];
}
