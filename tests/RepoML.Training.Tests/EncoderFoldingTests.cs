using Microsoft.ML;
using RepoML.Onnx.Graphs;

namespace RepoML.Training.Tests;

public sealed class EncoderFoldingTests
{
    [Fact]
    public void Should_score_as_the_unfolded_export_When_a_model_with_text_columns_is_trained()
    {
        // Given the sample credit data: 13 text columns, one-hot encoded
        var table = CsvTable.Load(RepoFile("data/credit/credit.csv"));
        var request = new TrainingRequest(MlTask.Binary, TrainerKind.FastTree, "class", Parameters: OnnxParityTests.Small(TrainerKind.FastTree));

        // When it is trained, and ML.NET's own export is made again beside it
        var model = MlNetTrainer.Train(table, request);
        var schema = new TrainingSchema(model.Info.Task, model.Info.Label, model.Info.Classes, model.Info.Features);
        using var stream = new MemoryStream();
        model.Context.Model.ConvertToOnnx(model.Transformer, TableColumns.ToDataView(table, schema, withLabel: false), stream, "PredictedLabel",
            "Score", "Probability");
        var unfolded = stream.ToArray();

        // Then every text column was folded, and both score every row alike, rows with unseen text values too
        var text = model.Info.Features.Count(f => f.Kind == FeatureEncoding.Categorical);
        Assert.Equal(13, text);
        Assert.Equal(text, CategoricalEncoderFolding.Fold(unfolded).Folded);
        Assert.Equal(0, CategoricalEncoderFolding.Fold(model.Onnx).Folded);
        var columns = table.Header.Where(c => c != "class").ToList();
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)[.. columns.Select(c => r[table.Header.ToList().IndexOf(c)])]).ToList();
        rows.AddRange(rows.Take(50).Select((r, n) => (IReadOnlyList<string>)[.. r.Select((cell, i)
            => i % 3 == n % 3 && schema.Features[i].Kind == FeatureEncoding.Categorical ? "never seen" : cell)]));
        using var folded = OnnxRuntimeScorer.Load(model.Onnx, fold: false);
        using var original = OnnxRuntimeScorer.Load(unfolded, fold: false);
        var expected = original.Score(columns, rows);
        var actual = folded.Score(columns, rows);
        Assert.Equal(expected.Outputs.Select(o => o.Name), actual.Outputs.Select(o => o.Name));
        foreach (var output in expected.Outputs)
        {
            Assert.Equal(output.Numbers, actual[output.Name].Numbers);
            Assert.Equal(output.Strings, actual[output.Name].Strings);
        }
    }

    private static string RepoFile(string relative)
    {
        var path = Path.Combine(RepositoryRoot.Path, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relative} not found in {RepositoryRoot.Path}");
    }
}
