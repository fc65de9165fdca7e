using RepoML.Serving.Tests.Conformance;

namespace RepoML.Serving.Tests.Scoring;

/// <summary>A float16 model input filled from /score rows through the session's kept inputs (floats converted on the way in).</summary>
public sealed class HalfPrecisionInputTests
{
    private static readonly string CastModel = Path.Combine(LibOnnxTestDataFactAttribute.Folder, "node", "test_cast_FLOAT16_to_FLOAT", "model.onnx");

    [LibOnnxTestDataFact]
    public async Task Should_answer_each_batch_with_its_own_values_When_float16_inputs_are_refilled()
    {
        // Given the ONNX backend model that casts a float16 [3,4] input to float, served as a table model
        using var session = OnnxServingSession.Load(CastModel);
        var table = new TableModel(session);
        var batcher = new RowBatcher(table, 256, coalesce: true, lanes: 1);
        Assert.Equal(TensorDataType.Fp16, table.Inputs[0].DataType);

        // When two different batches of three rows are scored one after the other (the second refills the first's values)
        var first = await Score(batcher, table, 0.5f);
        var second = await Score(batcher, table, -2.25f);

        // Then each answer is its own batch's values, exactly representable in float16
        Assert.Equal(Values(0.5f), first);
        Assert.Equal(Values(-2.25f), second);
    }

    private static float[] Values(float start) => [.. Enumerable.Range(0, 12).Select(i => start + (i * 0.25f))];

    private static async Task<float[]> Score(RowBatcher batcher, TableModel table, float start)
    {
        var values = Values(start);
        var rows = string.Join(',', Enumerable.Range(0, 3).Select(r
            => $"[{string.Join(',', values[(r * 4)..((r + 1) * 4)].Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"));
        using var body = JsonDocument.Parse($$"""{"data":[{{rows}}]}""");
        var result = await batcher.ScoreAsync(TableRequestParser.Parse(body.RootElement, table));
        return (float[])result.Outputs[0].Data;
    }
}
