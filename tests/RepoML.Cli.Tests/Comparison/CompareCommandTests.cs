using RepoML.Workflows.Pipelines;
using RepoML.Core.Registry;
using RepoML.Core.Runs;
using RepoML.Workflows;
using RepoML.Workflows.Comparison;
using RepoML.Storage;

namespace RepoML.Cli.Tests.Comparison;

public sealed class CompareCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public async Task Should_report_the_metrics_repoml_evaluate_reports_When_comparing_two_trained_models()
    {
        // Given the sample policy and two models trained by repoml train
        using var ws = TrainedModels.SampleWorkspace();

        // When they are compared on the test split, and each is evaluated on its own
        var compare = await ws.RunAsync("compare", "models/credit.yml", "--candidate", models.Candidate, "--baseline", models.Baseline, "--data",
            models.TestCsv,
            "--output", "json", "--report-md", "out/r.md", "--report-html", "out/r.html");
        var candidate = await ws.RunAsync("evaluate", models.Candidate, "--data", models.TestCsv, "--out", "c.json");
        var baseline = await ws.RunAsync("evaluate", models.Baseline, "--data", models.TestCsv, "--out", "b.json");

        // Then every metric of both models equals evaluate's, the delta is their difference, and the CI brackets it
        Assert.True(compare.ExitCode is 0 or 4, compare.Error);
        Assert.Equal((0, 0), (candidate.ExitCode, baseline.ExitCode));
        var report = JsonDocument.Parse(compare.Output).RootElement;
        var c = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.Root, "c.json"))).RootElement.GetProperty("metrics");
        var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.Root, "b.json"))).RootElement.GetProperty("metrics");
        var metrics = report.GetProperty("metrics").EnumerateObject().ToList();
        Assert.Equal(["roc_auc", "accuracy", "precision", "recall", "f1", "pr_auc", "log_loss"], metrics.Select(m => m.Name));
        foreach (var m in metrics)
        {
            var (cv, bv) = (c.GetProperty(m.Name).GetDouble(), b.GetProperty(m.Name).GetDouble());
            Assert.Equal(cv, m.Value.GetProperty("candidate").GetDouble(), 1e-12);
            Assert.Equal(bv, m.Value.GetProperty("baseline").GetDouble(), 1e-12);
            Assert.Equal(cv - bv, m.Value.GetProperty("delta").GetDouble(), 1e-12);
            var ci = m.Value.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.InRange(cv - bv, ci[0], ci[1]);
        }

        Assert.Equal(200, report.GetProperty("rows").GetInt32());
        Assert.Equal(compare.ExitCode == 0 ? "pass" : "fail", report.GetProperty("verdict").GetString());
        Assert.Equal(5, report.GetProperty("gates").GetArrayLength());
        Assert.Equal(20, report.GetProperty("importance").GetArrayLength());
        Assert.StartsWith("## ", File.ReadAllText(Path.Combine(ws.Root, "out/r.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", File.ReadAllText(Path.Combine(ws.Root, "out/r.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_4_and_annotate_When_a_gate_fails()
    {
        // Given a policy no credit model can pass
        using var ws = new TempWorkspace().Write("strict.compare.yml", """
            $schema: https://repoml.dev/schemas/comparePolicy.schema.json
            data: test.csv
            gates:
              roc_auc: {threshold: 0.999}
            bootstrap: {resamples: 50}
            importance: {repeats: 0}
            """);
        File.Copy(models.TestCsv, Path.Combine(ws.Root, "test.csv"));

        // When compared with Azure Pipelines output
        var result = await ws.RunAsync("compare", "credit", "--candidate", models.Candidate, "--baseline", models.Baseline, "--policy",
            "strict.compare.yml", "--azure-pipelines");

        // Then
        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("FAIL: credit", result.Output, StringComparison.Ordinal);
        Assert.Contains($"##vso[task.uploadsummary]{Path.Combine(ws.Root, ".repoml", "compare", "report-credit.md")}", result.Output,
            StringComparison.Ordinal);
        Assert.Contains("##vso[task.logissue type=error]credit: gate roc_auc threshold failed", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_evaluate_the_candidate_alone_When_no_version_is_registered()
    {
        // Given a workspace whose registry holds no credit version
        using var ws = TrainedModels.SampleWorkspace();

        // When compared without --baseline
        var result = await ws.RunAsync("compare", "models/credit.yml", "--candidate", models.Candidate, "--data", models.TestCsv, "--output", "json");

        // Then the verdict says so, thresholds still apply, change rules are skipped, exit 0
        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("no-baseline", report.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("metrics").GetProperty("roc_auc").GetProperty("baseline").ValueKind);
        Assert.Equal(["pass", "skipped", "pass", "skipped", "pass"], report.GetProperty("gates").EnumerateArray().Select(g
            => g.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Should_score_the_candidate_runs_test_split_When_the_candidate_is_a_run_id()
    {
        // Given a run record whose train job stored the model and whose split job stored the test split
        using var ws = TrainedModels.SampleWorkspace();
        await models.SaveCandidateRunAsync(ws, new GitState(null, null, false, null), recordTrainingData: false);

        // When the latest run is compared against a model folder, with the sample policy's data binding
        var result = await ws.RunAsync("compare", "models/credit.yml", "--candidate", "latest", "--baseline", models.Baseline, "--output", "json");

        // Then both were scored on the run's 200 test rows
        Assert.True(result.ExitCode is 0 or 4, result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(200, report.GetProperty("rows").GetInt32());
        Assert.Equal("run 20250101-000000-abcdef", report.GetProperty("candidate").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Should_score_a_registered_candidates_held_out_split_When_its_run_was_recorded_on_another_machine()
    {
        // Given the sample policy (data: the candidate run's split output), a store holding the run's outputs, and no run record
        // here: only the lineage a registration copied (as promote has for the version it rolls out)
        using var ws = TrainedModels.SampleWorkspace();
        var store = ArtifactStoreFactory.Create(null, ws.Root);
        var model = await store.PutFolderAsync(models.Candidate);
        var test = await store.PutFolderAsync(models.TestFolder);
        JobLineage Job(string name, string output, string digest) => new(name, JobRecord.Completed, false, null, null, null,
            new Dictionary<string, string>(), new Dictionary<string, string> { [output] = digest });
        var lineage = new RunLineage("20250101-000000-abcdef", "pipelines/train.yml", "", null, null, "main", "train", "model",
            DateTimeOffset.UnixEpoch, [Job("split", "test", test.ToString()), Job("train", "model", model.ToString())], []);

        // When the registered candidate (a downloaded folder) is compared with its lineage
        var context = new WorkflowContext(TextWriter.Null, TextWriter.Null, ws.Root, _ => null, TimeProvider.System);
        var result = await CompareRunner.RunAsync(context, new CompareRequest("models/credit.yml", models.Candidate, models.Baseline, null,
            null, null, null, null, null, lineage), CancellationToken.None);

        // Then both were scored on the run's 200 held-out rows, and the report names the file they came from
        Assert.Equal(200, result.Report.Rows);
        Assert.DoesNotContain("${{", result.Report.Data, StringComparison.Ordinal);
        Assert.Matches(@"^\.repoml/compare/[0-9a-f]{16}/test\.csv \(output 'test' of job 'split', run 20250101-000000-abcdef\)$",
            result.Report.Data);
    }

    [Fact]
    public async Task Should_report_the_policy_error_at_its_position_When_validating_the_workspace()
    {
        // Given a policy gating a metric that does not exist
        using var ws = TrainedModels.SampleWorkspace();
        ws.Write("models/credit.compare.yml", File.ReadAllText(Path.Combine(ws.Root, "models/credit.compare.yml")).Replace("  accuracy:",
            "  acuracy:", StringComparison.Ordinal));

        // When validated, and when compared
        var validate = await ws.RunAsync("validate");
        var compare = await ws.RunAsync("compare", "models/credit.yml", "--candidate", models.Candidate, "--data", models.TestCsv);

        // Then both name the file, line and column
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("models/credit.compare.yml:20:3: error RML0104: 'gates.acuracy' is not a metric RepoML computes; did you mean " +
            "'accuracy'?", validate.Output + validate.Error, StringComparison.Ordinal);
        Assert.Equal(1, compare.ExitCode);
        Assert.Contains("credit.compare.yml:20:3: error RML0104", compare.Error, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Should_render_details_and_charts_with_axes_When_chromium_opens_the_compare_report()
    {
        // Given a run whose training job recorded its inputs, compared against a model trained with other parameters
        using var ws = TrainedModels.SampleWorkspace();
        await models.SaveCandidateRunAsync(ws, new GitState("0123456789abcdef0123", "main", true, null), recordTrainingData: true);
        var compare = await ws.RunAsync("compare", "models/credit.yml", "--candidate", "latest", "--baseline", models.Baseline, "--report-html",
            "compare-report.html", "--output", "json");
        Assert.True(compare.ExitCode is 0 or 4, compare.Error);
        var html = Path.Combine(ws.Root, "compare-report.html");

        // When headless Chromium loads the report
        var (dom, screenshot) = await RenderedPage.LoadAsync(html, height: 4200);

        // Then the data is named with what it resolved to, and the details an engineer reads next are there
        Assert.Empty(dom.QuerySelectorAll("script, link, img, iframe"));
        Assert.Contains(".repoml/compare/", dom.QuerySelector("p.meta")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", dom.Body!.TextContent, StringComparison.Ordinal);
        var headings = dom.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Superset(new HashSet<string> { "How the models were made", "Decision threshold", "Per-class metrics", "Confusion matrices", "Calibration" },
            headings.ToHashSet());
        var facts = dom.QuerySelectorAll("h2").Single(h => h.TextContent == "How the models were made").NextElementSibling!
            .QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent, r => r);
        Assert.Equal(["param number_of_trees", "8", "30", "changed"], facts["param number_of_trees"].Children.Select(c => c.TextContent));
        Assert.Contains("changed", facts["param number_of_trees"].ClassList);
        Assert.StartsWith("0123456789ab (dirty working tree)", facts["commit"].Children[1].TextContent, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", facts["input training_data"].Children[1].TextContent, StringComparison.Ordinal);
        var confusion = dom.QuerySelectorAll("table").Where(t => t.QuerySelector("th")?.TextContent == "actual ↓ / predicted →").ToList();
        Assert.Equal(2, confusion.Count);
        Assert.All(confusion, t => Assert.Equal(200, t.QuerySelectorAll("tbody td.n").Sum(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture))));
        Assert.Contains(dom.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Candidate: predicts good from P(good) ≥ 0.", StringComparison.Ordinal));

        // And every plotted chart has ticks on both axes and axis titles
        var plots = dom.QuerySelectorAll("svg").Where(s => s.QuerySelector("g[class~=axis]") is not null).ToList();
        Assert.Equal(3, plots.Count);
        foreach (var svg in plots)
        {
            Assert.True(svg.QuerySelectorAll("g[class~=x] text[class~=tick]").Length >= 3);
            Assert.True(svg.QuerySelectorAll("g[class~=y] text[class~=tick]").Length >= 3);
            Assert.Equal(2, svg.QuerySelectorAll("text[class~=axis-title]").Length);
        }

        Assert.True(new FileInfo(screenshot).Length > 20_000);
    }
}
