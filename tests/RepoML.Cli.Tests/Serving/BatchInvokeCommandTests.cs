namespace RepoML.Cli.Tests.Serving;

public sealed class BatchInvokeCommandTests
{
    [Fact]
    public async Task Should_append_one_prediction_row_per_input_row_When_scoring_a_csv()
    {
        // Given
        using var workspace = ServingWorkspace.Batch("  mini_batch_size: 16\n  max_concurrency_per_instance: 3\n  output_action: " +
            "append_row\n  output_file_name: predictions.csv\n");
        workspace.Write("data/iris.csv", File.ReadAllText(ServingWorkspace.IrisCsv));

        // When
        var run = await workspace.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/iris.csv", "--output-path", "out",
            "--output", "json");

        // Then
        Assert.Equal(0, run.ExitCode);
        var summary = JsonNode.Parse(run.Output)!;
        Assert.Equal(150, summary["scored"]!.GetValue<int>());
        Assert.Equal(0, summary["failed"]!.GetValue<int>());
        var lines = File.ReadAllLines(Path.Combine(workspace.Root, "out", "predictions.csv"));
        Assert.Equal("file,line,PredictedLabel.output,Score.output", lines[0]);
        Assert.Equal(151, lines.Length);
        Assert.StartsWith("data/iris.csv,2,setosa,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_an_earlier_complete_output_When_a_later_run_exceeds_the_error_threshold()
    {
        // Given a complete run into out/
        using var workspace = ServingWorkspace.Batch("  mini_batch_size: 4\n  error_threshold: 0\n  output_action: append_row\n  " +
            "output_file_name: predictions.csv\n");
        workspace.Write("data/good.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        workspace.Write("data/bad.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\nwide,3.0,5.2,2.3\n");
        var good = await workspace.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/good.csv", "--output-path", "out");
        var output = Path.Combine(workspace.Root, "out", "predictions.csv");
        var before = File.ReadAllText(output);

        // When a later run into the same path fails its threshold
        var bad = await workspace.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/bad.csv", "--output-path", "out");

        // Then the earlier complete output is untouched
        Assert.Equal(0, good.ExitCode);
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal(before, File.ReadAllText(output));
        Assert.Contains("data/good.csv,3,", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_only_bad_rows_and_honour_error_threshold()
    {
        using var workspace = ServingWorkspace.Batch("  mini_batch_size: 4\n  error_threshold: 1\n");
        workspace.Write("data/a.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\nwide,3.0,5.2,2.3\n6.7,3.0,5.2,2.3\n");
        workspace.Write("data/b.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,oops,1.4,0.2\n5.1,no,1.4,0.2\n");

        var one = await workspace.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/a.csv", "--output", "json");
        var three = await workspace.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data", "--output", "json");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(2, JsonNode.Parse(one.Output)!["scored"]!.GetValue<int>());
        Assert.Contains("data/a.csv:3", JsonNode.Parse(one.Output)!["failures"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, three.ExitCode);
        Assert.True(JsonNode.Parse(three.Output)!["threshold_exceeded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_count_each_malformed_row_as_one_failed_row_with_its_line_When_the_csv_has_a_short_row_and_an_unclosed_quote()
    {
        // Given: a short row (line 3) and a quote never closed (line 5) among good rows
        using var lenient = ServingWorkspace.Batch("  mini_batch_size: 2\n  error_threshold: -1\n  output_action: append_row\n");
        using var strict = ServingWorkspace.Batch("  mini_batch_size: 2\n  error_threshold: 1\n");
        const string csv = "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n4.9,3.0\n6.7,3.0,5.2,2.3\n\"5.0,3.4,1.5,0.2\n" +
            "6.3,2.9,5.6,1.8\n";
        lenient.Write("data/m.csv", csv);
        strict.Write("data/m.csv", csv);

        // When
        var run = await lenient.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/m.csv", "--output-path", "out", "-o", "json");
        var refused = await strict.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/m.csv", "-o", "json");

        // Then: error_threshold -1 ignores both; the good rows (lines 2, 4, 6) are scored and written
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var summary = JsonNode.Parse(run.Output)!;
        Assert.Equal(3, summary["scored"]!.GetValue<int>());
        Assert.Equal(2, summary["failed"]!.GetValue<int>());
        var failures = summary["failures"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Contains(failures, f => f.StartsWith("data/m.csv:3: expected 4 cells as in the header, found 2", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("data/m.csv:5: a quoted cell is not closed", StringComparison.Ordinal));
        Assert.Equal(["2", "4", "6"], File.ReadAllLines(Path.Combine(lenient.Root, "out", "predictions.csv")).Skip(1).Select(l => l.Split(',')[1]));
        // And two malformed rows are more than error_threshold 1
        Assert.Equal(1, refused.ExitCode);
        Assert.True(JsonNode.Parse(refused.Output)!["threshold_exceeded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_score_like_the_model_and_fail_only_the_rows_it_rejects_When_the_deployment_has_a_dotnet_scorer()
    {
        // Given the same model scored by the built-in scorer, and by a custom scorer project in a second workspace
        const string settings = "  mini_batch_size: 16\n  max_concurrency_per_instance: 2\n  output_action: append_row\n  " +
            "output_file_name: predictions.csv\n";
        using var builtIn = ServingWorkspace.Batch(settings);
        using var custom = ServingWorkspace.BatchWithScorer(settings);
        foreach (var workspace in new[] { builtIn, custom })
        {
            workspace.Write("data/iris.csv", File.ReadAllText(ServingWorkspace.IrisCsv));
        }

        custom.Write("bad/a.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\nwide,3.0,5.2,2.3\n6.7,3.0,5.2,2.3\n");

        // When
        var expected = await builtIn.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/iris.csv", "--output-path", "out",
            "--output", "json");
        var run = await custom.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "data/iris.csv", "--output-path", "out",
            "--output", "json");
        var bad = await custom.RunAsync("batch", "invoke", "endpoints/iris-batch", "--input", "bad", "--output-path", "bad-out", "--output", "json");

        // Then every row got the model's label, through the scorer's own "predictions" column
        Assert.Equal(0, expected.ExitCode);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(150, JsonNode.Parse(run.Output)!["scored"]!.GetValue<int>());
        var lines = File.ReadAllLines(Path.Combine(custom.Root, "out", "predictions.csv"));
        Assert.Equal("file,line,predictions", lines[0]);
        Assert.Equal(151, lines.Length);
        var labels = File.ReadAllLines(Path.Combine(builtIn.Root, "out", "predictions.csv")).Skip(1).Select(l => string.Join(',',
            l.Split(',').Take(3)));
        Assert.Equal(labels, lines.Skip(1));
        Assert.Contains("built IrisOnnxScorer.csproj", run.Error, StringComparison.Ordinal);

        // and a row the scorer throws on fails alone, with the scorer's message and no stack
        Assert.Equal(0, bad.ExitCode);
        var summary = JsonNode.Parse(bad.Output)!;
        Assert.Equal(2, summary["scored"]!.GetValue<int>());
        var failure = summary["failures"]![0]!.GetValue<string>();
        Assert.StartsWith("bad/a.csv:3: IrisOnnxScorer.IrisScorer.Run failed:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", failure, StringComparison.Ordinal);
        Assert.Equal(["file,line,predictions", "bad/a.csv,2,setosa", "bad/a.csv,4,virginica"], File.ReadAllLines(Path.Combine(custom.Root,
            "bad-out", "predictions.csv")));
    }
}
