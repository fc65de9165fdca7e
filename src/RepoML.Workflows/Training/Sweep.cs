using RepoML.Training.Sweeps;

namespace RepoML.Workflows.Training;

/// <summary>
/// The work of <c>repoml sweep</c>: grid or random hyper-parameter search; the best trial by the primary metric on a
/// validation split is written as the model, every trial to trials.json.
/// </summary>
public static class Sweep
{
    /// <returns>The sweep and the files written (model files, then trials.json).</returns>
    public static (SweepResult Result, IReadOnlyList<string> Files) Run(WorkflowContext context, SweepRequest request, string data, string outDir)
    {
        var table = CsvTable.Load(context.FullPath(data), data);
        var result = context.WithProgressAsync("Sweep trials", progress => Task.FromResult(SweepRunner.Run(table, request, progress)))
            .GetAwaiter().GetResult();
        var folder = context.FullPath(outDir);
        var files = ModelFiles.Write(folder, result.BestModel, result.BestMetrics).ToList();
        var trialsPath = Path.Combine(folder, "trials.json");
        var document = new
        {
            result.PrimaryMetric,
            result.Goal,
            Search = request.Algorithm.ToString().ToLowerInvariant(),
            Seed = request.Training.Seed,
            result.TrainRows,
            result.ValidationRows,
            result.BestTrial,
            result.Trials,
        };
        File.WriteAllText(trialsPath, JsonSerializer.Serialize(document, TrainingJson.Options) + "\n");
        files.Add(trialsPath);
        return (result, files);
    }
}
