using System.Diagnostics;
using System.Text.Json;
using RepoML.Core.Comparison;
using RepoML.Core.Metrics;
using RepoML.Training;
using RepoML.Training.Trainers;
using RepoML.Workflows;
using RepoML.Workflows.Comparison;
using RepoML.Workflows.Training;

// Compares two credit models on 100,000 rows (the German credit rows resampled with a fixed seed) with 1,000 paired
// bootstrap resamples, through the workflow `repoml compare` runs (RepoML.Workflows, in process): CSV load, ONNX Runtime scoring of both models,
// a latency pass, permutation importance (2,000 rows × 20 features × 3 repeats per model), bootstrap, all three reports.
// Budget: 3 s. Prints cold (first run in the process) and warm (median of 3) times and their ratio to the budget.
const double BudgetSeconds = 3.0;
const int Rows = 100_000;
var repoRoot = FindRepoRoot();
var work = Directory.CreateTempSubdirectory("repoml-bench-compare-").FullName;
try
{
    var source = File.ReadAllLines(Path.Combine(repoRoot, "data", "credit", "credit.csv"));
    var random = new Random(42);
    File.WriteAllLines(Path.Combine(work, "eval.csv"), new[] { source[0] }.Concat(Enumerable.Range(0, Rows).Select(_ => source[1 + random.Next(source.Length - 1)])));
    File.Copy(Path.Combine(repoRoot, "data", "credit", "credit.csv"), Path.Combine(work, "train.csv"));
    var context = new WorkflowContext(TextWriter.Null, TextWriter.Null, work, _ => null, TimeProvider.System);
    ModelTraining.Run(context, new TrainingRequest(MlTask.Binary, TrainerKind.FastTree, "class", Parameters: ["number_of_trees=100"], Seed: 42), "train.csv", "baseline");
    ModelTraining.Run(context, new TrainingRequest(MlTask.Binary, TrainerKind.FastTree, "class", Parameters: ["number_of_trees=40"], Seed: 7), "train.csv", "candidate");
    File.WriteAllText(Path.Combine(work, "credit.compare.yml"), """
        $schema: https://repoml.dev/schemas/comparePolicy.schema.json
        data: eval.csv
        primary_metric: roc_auc
        gates:
          roc_auc: {threshold: 0.6}
        bootstrap: {resamples: 1000, seed: 42}
        """);

    var compare = new CompareRequest("credit", "candidate", "baseline", "credit.compare.yml", null, "r.md", "r.html", null, null);
    var times = new List<double>();
    var cpu = new List<double>();
    string json = "";
    for (var i = 0; i < 4; i++)
    {
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        json = ComparisonJson.Write((await CompareRunner.RunAsync(context, compare, CancellationToken.None)).Report);
        times.Add(clock.Elapsed.TotalSeconds);
        cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    var report = JsonDocument.Parse(json).RootElement;
    var warm = times.Skip(1).Order().ElementAt(1);
    Console.WriteLine($"rows {report.GetProperty("rows").GetInt32():N0}, resamples {report.GetProperty("bootstrap").GetProperty("resamples").GetInt32():N0}, verdict {report.GetProperty("verdict").GetString()}, cores {Environment.ProcessorCount}");
    Console.WriteLine($"repoml compare, 100,000 rows, 1,000 resamples: cold {times[0]:F2} s, warm median {warm:F2} s; budget {BudgetSeconds:F1} s; ratio cold {times[0] / BudgetSeconds:F2}, warm {warm / BudgetSeconds:F2}");
    // On a shared machine wall time includes waiting for a core; CPU time says what the work itself costs.
    Console.WriteLine($"  CPU time (all threads): cold {cpu[0]:F2} s, warm median {cpu.Skip(1).Order().ElementAt(1):F2} s; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

    // For scale: scoring one model on the same rows, as `repoml evaluate` does.
    var clockEval = Stopwatch.StartNew();
    Evaluation.Run(context, "candidate", "eval.csv", null, null, "m.json", null);
    Console.WriteLine($"repoml evaluate, one model, 100,000 rows: {clockEval.Elapsed.TotalSeconds:F2} s wall");

    // The Core part alone: the paired bootstrap on the same 100,000 rows.
    var baselinePredictions = Predictions(report, "baseline");
    var clockCore = Stopwatch.StartNew();
    var cpuCore = Process.GetCurrentProcess().TotalProcessorTime;
    var ci = PairedBootstrap.Run(baselinePredictions.Candidate, baselinePredictions.Baseline, 1000, 42);
    Console.WriteLine($"Core paired bootstrap alone (7 metrics × 2 models × 1,000 resamples × 100,000 rows): {clockCore.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuCore).TotalSeconds:F2} s CPU ({ci.Count} intervals)");
}
finally
{
    Directory.Delete(work, recursive: true);
}

static (PredictionSet Candidate, PredictionSet Baseline) Predictions(JsonElement report, string _)
{
    // Synthetic paired predictions of the same size, so the Core timing does not depend on the CLI.
    var random = new Random(1);
    var actual = Enumerable.Range(0, Rows).Select(_ => random.NextDouble() < 0.3).ToArray();
    var p1 = actual.Select(a => Math.Round(Math.Clamp((a ? 0.3 : 0) + (random.NextDouble() * 0.7), 0, 1), 3)).ToArray();
    var p2 = p1.Select(p => Math.Round(Math.Clamp(p + ((random.NextDouble() - 0.5) * 0.2), 0, 1), 3)).ToArray();
    return (PredictionSet.Binary(actual, [.. p1.Select(p => p >= 0.5)], p1), PredictionSet.Binary(actual, [.. p2.Select(p => p >= 0.5)], p2));
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "RepoML.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("RepoML.slnx not found above the benchmark");
}
