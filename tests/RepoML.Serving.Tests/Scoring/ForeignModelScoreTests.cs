using RepoML.Serving.Tests.Conformance;

namespace RepoML.Serving.Tests.Scoring;

/// <summary>
/// /score on ONNX models RepoML did not train (the ONNX backend test models of libonnx-testdata), served on a real Kestrel:
/// models whose tensors are not one row per entry get a 400 that says so, never a 500 or a wrong answer.
/// </summary>
public sealed class ForeignModelScoreTests() : EndpointWorkspaceTests("foreign")
{
    private static string Model(string test) => Path.Combine(LibOnnxTestDataFactAttribute.Folder, "node", test, "model.onnx");

    [LibOnnxTestDataFact]
    public async Task Should_answer_400_naming_the_output_When_a_model_reduces_over_the_rows()
    {
        // Given ArgMax over axis 0 with keepdims: data [2,2] → result [1,2], one answer for both rows
        // When its two rows are scored
        var answer = await ScoreAsync("argmax", Model("test_argmax_default_axis_example"), new[] { new[] { 2f, 1f }, new[] { 3f, 10f } });

        // Then
        AssertRefused(answer, "model output 'result' has shape [1,2], not one entry per row for the 2 row(s) scored");
    }

    [LibOnnxTestDataFact]
    public async Task Should_answer_400_not_the_first_value_When_an_output_is_longer_than_the_rows()
    {
        // Given Range(start, limit, delta) of scalars: one row in, [10, 7] out
        // When one row is scored
        var answer = await ScoreAsync("range", Model("test_range_int32_type_negative_delta"), new[] { new[] { 10, 6, -3 } });

        // Then
        AssertRefused(answer, "model output 'output' has shape [2] for one row, not one entry");
    }

    [LibOnnxTestDataFact]
    public async Task Should_add_row_by_row_When_each_row_gives_every_wide_input_as_a_nested_or_flat_array()
    {
        // Given Add of two [3,4,5] inputs: each row is a [4,5] block of each
        Workspace.Endpoint("add=100").Deployment("add", Model("test_add"));
        await using var server = await KestrelServer.StartAsync(Workspace);
        float[] x = [.. Enumerable.Range(0, 60).Select(i => i * 0.5f)], y = [.. Enumerable.Range(0, 60).Select(i => 100f - i)];

        // When three rows are scored: x nested as its [4,5] dimensions, y flat
        var rows = Enumerable.Range(0, 3).Select(r => new object[] { Blocks(x, r), y[(r * 20)..((r + 1) * 20)] }).ToArray();
        using var response = await server.Client.PostAsJsonAsync("/score", new { data = rows });

        // Then each row's sum is its own x + y
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var answer = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(3, answer.Count);
        for (var r = 0; r < 3; r++)
        {
            var sum = answer[r]!["sum"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
            Assert.Equal(Enumerable.Range(r * 20, 20).Select(i => x[i] + y[i]), sum);
        }
    }

    [LibOnnxTestDataFact]
    public async Task Should_answer_400_naming_the_input_When_a_wide_input_gets_a_single_number()
    {
        // Given Add of two [3,4,5] inputs
        // When each row gives one number per input, as for a table column
        var answer = await ScoreAsync("add", Model("test_add"), new[] { new[] { 1f, 2f }, new[] { 3f, 4f }, new[] { 5f, 6f } });

        // Then it is refused rather than scored with the rest of each row zero
        AssertRefused(answer, "data[0][0] (x): expected the 20 values of model input 'x' [3,4,5] for one row");
    }

    [LibOnnxTestDataFact]
    public async Task Should_score_an_image_like_row_When_the_single_input_row_is_nested()
    {
        // Given Relu of one [3,4,5] input
        Workspace.Endpoint("relu=100").Deployment("relu", Model("test_relu"));
        await using var server = await KestrelServer.StartAsync(Workspace);
        float[] x = [.. Enumerable.Range(0, 60).Select(i => i - 30f)];

        // When each of the three rows is a nested [4,5] block
        using var response = await server.Client.PostAsJsonAsync("/score", new { data = Enumerable.Range(0, 3).Select(r => Blocks(x, r)).ToArray() });

        // Then
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var last = JsonNode.Parse(body)!.AsArray()[2]!["y"]!.AsArray().Select(v => v!.GetValue<float>());
        Assert.Equal(Enumerable.Range(40, 20).Select(i => Math.Max(0, x[i])), last);
    }

    [LibOnnxTestDataFact]
    public async Task Should_answer_400_naming_both_inputs_When_inputs_fix_different_row_counts()
    {
        // Given DequantizeLinear: x [4] with a scalar scale and zero point
        // When one row is scored
        var answer = await ScoreAsync("dequant", Model("test_dequantizelinear"), new[] { new[] { 1, 2, 128 } });

        // Then
        AssertRefused(answer, "has 1 row(s); model input 'x' [4] takes exactly 4 (model inputs 'x' [4] and 'x_scale' [] take different " +
            "numbers of rows");
    }

    [LibOnnxTestDataFact]
    public async Task Should_say_the_input_is_a_sequence_When_a_model_takes_one_that_no_protocol_carries()
    {
        // Given SequenceInsert: a sequence of tensors and a tensor to insert
        Workspace.Endpoint("seq=100").Deployment("seq", Model("test_sequence_insert_at_back"));
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When the tensor input, all that metadata lists, is inferred over v2, and a row is scored
        using var infer = await server.Client.PostAsJsonAsync("/v2/models/seq/infer", new
        {
            inputs = new[] { new { name = "tensor", datatype = "INT64", shape = new[] { 3 }, data = new[] { 1, 2, 3 } } },
        });
        using var score = await server.Client.PostAsJsonAsync("/score", new { data = new[] { new[] { 1 } } });

        // Then both say what the input is, instead of "missing" or "use v2"
        Assert.Equal(HttpStatusCode.BadRequest, infer.StatusCode);
        Assert.Contains("model input 'sequence' is a sequence, which the v2 inference protocol cannot carry", await infer.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, score.StatusCode);
        Assert.Contains("model input 'sequence' is a sequence, which neither table rows nor the v2 inference protocol can carry",
            await score.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [LibOnnxTestDataFact]
    public async Task Should_say_the_input_is_an_optional_value_When_v2_infers_a_model_taking_one()
    {
        // Given OptionalGetElement of an optional tensor input, which metadata does not list
        Workspace.Endpoint("opt=100").Deployment("opt", Model("test_optional_get_element"));
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When
        using var infer = await server.Client.PostAsJsonAsync("/v2/models/opt/infer", new { inputs = Array.Empty<object>() });

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, infer.StatusCode);
        Assert.Contains("model input 'optional_input' is an optional value, which the v2 inference protocol cannot carry",
            await infer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_the_probabilities_on_score_and_v2_When_an_sklearn_classifier_zips_them_into_maps()
    {
        // Given a classifier as skl2onnx exports one: its probabilities are a ZipMap, a sequence of maps
        Workspace.Endpoint("sklearn=100").Deployment("sklearn", TestModels.SklearnIris);
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When its metadata is read, and two rows are scored (as object rows) and inferred
        var metadata = JsonNode.Parse(await server.Client.GetStringAsync("/v2/models/sklearn"))!;
        using var score = await server.Client.PostAsJsonAsync("/score", new
        {
            data = new[] { new { float_input = new[] { 5.1f, 3.5f, 1.4f, 0.2f } }, new { float_input = new[] { 6.7f, 3.0f, 5.2f, 2.3f } } },
        });
        using var infer = await server.Client.PostAsJsonAsync("/v2/models/sklearn/infer", new
        {
            inputs = new[] { new { name = "float_input", datatype = "FP32", shape = new[] { 2, 4 }, data = new[] { 5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3.0f, 5.2f, 2.3f } } },
        });

        // Then the tensor the ZipMap reads is an output everywhere, one row of three probabilities per input row
        Assert.Equal("""[{"name":"label","datatype":"BYTES","shape":[-1]},{"name":"probability_tensor","datatype":"FP32","shape":[-1,3]}]""",
            metadata["outputs"]!.ToJsonString());
        var rows = JsonNode.Parse(await score.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("virginica", rows[1]!["label"]!.GetValue<string>());
        Assert.Equal(3, rows[1]!["probability_tensor"]!.AsArray().Count);
        var outputs = JsonNode.Parse(await infer.Content.ReadAsStringAsync())!["outputs"]!.AsArray();
        var probabilities = outputs.Single(o => o!["name"]!.GetValue<string>() == "probability_tensor")!;
        Assert.Equal("[2,3]", probabilities["shape"]!.ToJsonString());
        Assert.Equal(1.0, probabilities["data"]!.AsArray().Take(3).Sum(v => v!.GetValue<double>()), 5);
    }

    [Fact]
    public async Task Should_score_rows_of_token_ids_When_the_sequence_length_is_set_by_each_request()
    {
        // Given a model with a text model's interface: input_ids and attention_mask [batch, sequence]
        Workspace.Endpoint("tokens=100").Deployment("tokens", TestModels.TokenSequence);
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When two rows of four tokens are scored, then one row of six
        using var four = await server.Client.PostAsJsonAsync("/score", new
        {
            data = new[] { new[] { new[] { 101L, 7, 8, 102 }, new[] { 1L, 1, 1, 1 } }, new[] { new[] { 101L, 9, 102, 0 }, new[] { 1L, 1, 1, 0 } } },
        });
        using var six = await server.Client.PostAsJsonAsync("/score", new
        {
            data = new[] { new { input_ids = new[] { 1L, 2, 3, 4, 5, 6 }, attention_mask = new[] { 1L, 1, 1, 1, 1, 0 } } },
        });

        // Then each row's total is its own
        var body = await four.Content.ReadAsStringAsync();
        Assert.True(four.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("""[{"total":218},{"total":212}]""", body);
        Assert.Equal("""[{"total":15}]""", await six.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_answer_400_When_the_rows_of_one_request_have_different_lengths()
    {
        // Given the token model
        // When the second row is shorter than the first
        var answer = await ScoreAsync("tokens", TestModels.TokenSequence,
            new[] { new[] { new[] { 101L, 7, 8, 102 }, new[] { 1L, 1, 1, 1 } }, new[] { new[] { 101L, 102 }, new[] { 1L, 1 } } });

        // Then
        AssertRefused(answer, "data[1][0] (input_ids): has 2 values; expected 4 (input 'input_ids' takes 4 values per row: the rows of one " +
            "request are equally long, as the first is)");
    }

    [Fact]
    public async Task Should_answer_400_before_allocating_When_one_long_first_row_claims_width_for_thousands_of_empty_ones()
    {
        // Given the token model, whose row width each request's first row sets
        // When a first row of 65,536 tokens (per input) is followed by 32,767 rows that are not rows: 2^31 values claimed in 330 KB
        var ids = Enumerable.Repeat<object>(0L, 65_536).ToArray();
        var data = new object[] { new[] { ids, ids } }.Concat(Enumerable.Repeat<object>(0, 32_767)).ToArray();
        var answer = await ScoreAsync("tokens", TestModels.TokenSequence, data);

        // Then it is refused before anything that size is allocated (the product once wrapped past int: a 500)
        AssertRefused(answer, "data: has 32768 row(s), which need 4294967296 values in all;");
    }

    [LibOnnxTestDataFact]
    public async Task Should_score_each_row_in_a_run_of_its_own_When_every_input_fixes_the_batch_at_one()
    {
        // Given PyTorch's Embedding exported without dynamic axes: ids [1,4] → vectors [1,4,3]
        var folder = Path.Combine(LibOnnxTestDataFactAttribute.Folder, "pytorch-converted", "test_Embedding");
        Workspace.Endpoint("embedding=100").Deployment("embedding", Path.Combine(folder, "model.onnx"));
        await using var server = await KestrelServer.StartAsync(Workspace);

        // When three rows are scored, and each alone
        long[][] rows = [[0, 1, 2, 3], [3, 3, 3, 3], [1, 0, 1, 0]];
        using var together = await server.Client.PostAsJsonAsync("/score", new { data = rows });
        var alone = new List<JsonNode>();
        foreach (var row in rows)
        {
            using var one = await server.Client.PostAsJsonAsync("/score", new { data = new[] { row } });
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            alone.Add(JsonNode.Parse(await one.Content.ReadAsStringAsync())!.AsArray()[0]!);
        }

        // Then the three rows are answered, each as it is alone: twelve values
        var body = await together.Content.ReadAsStringAsync();
        Assert.True(together.StatusCode == HttpStatusCode.OK, body);
        var answers = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(3, answers.Count);
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(12, answers[r]!["2"]!.AsArray().Count);
            Assert.Equal(alone[r].ToJsonString(), answers[r]!.ToJsonString());
        }

        Assert.NotEqual(answers[0]!.ToJsonString(), answers[1]!.ToJsonString());
    }

    /// <summary>Serves <paramref name="model"/> as the endpoint's only deployment and scores <paramref name="data"/> on /score.</summary>
    private async Task<(HttpStatusCode Status, string Body)> ScoreAsync(string deployment, string model, object data)
    {
        Workspace.Endpoint($"{deployment}=100").Deployment(deployment, model);
        await using var server = await KestrelServer.StartAsync(Workspace);
        using var response = await server.Client.PostAsJsonAsync("/score", new { data });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The answer is a 400 whose body says <paramref name="message"/>.</summary>
    private static void AssertRefused((HttpStatusCode Status, string Body) answer, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(message, answer.Body, StringComparison.Ordinal);
    }

    /// <summary>Row <paramref name="r"/> of a [3,4,5] tensor as nested [4][5] arrays.</summary>
    private static float[][] Blocks(float[] values, int r) => [.. Enumerable.Range(0, 4).Select(i => values[((r * 20) + (i * 5))..((r * 20) + (i * 5) + 5)])];
}
