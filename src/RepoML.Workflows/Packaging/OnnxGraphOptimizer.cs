using Microsoft.ML.OnnxRuntime;
using RepoML.Onnx.Graphs;
using RepoML.Serving.Scoring;

namespace RepoML.Workflows.Packaging;

/// <summary>
/// ONNX Runtime offline graph optimisation: loads the model with extended optimisations (constant folding, redundant
/// node elimination, node fusions) and saves the optimised graph (SessionOptions.OptimizedModelFilePath) for the image.
/// Extended, not "all": the layout optimisations of "all" are specific to the packaging machine's CPU. Before that,
/// one-hot text encoder chains from ML.NET exports (models trained elsewhere too) are folded into one node each
/// (<see cref="CategoricalEncoderFolding"/>), which ONNX Runtime's own optimisers do not do.
/// </summary>
public static class OnnxGraphOptimizer
{
    public static void Optimize(string modelPath, string optimizedPath)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            OptimizedModelFilePath = optimizedPath,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        using var session = FoldedSession.Open(modelPath, options).Session;
    }

    /// <summary>Times loading (median of <paramref name="loads"/>) and scoring the sample request (median of <paramref name="runs"/>), as
    /// the server does.</summary>
    public static (double LoadMs, double LatencyMs) Measure(string modelPath, string? sampleRequestPath, int loads = 5, int runs = 200)
    {
        var loadTimes = new List<double>();
        OnnxServingSession? session = null;
        for (var i = 0; i < loads; i++)
        {
            session?.Dispose();
            session = OnnxServingSession.Load(modelPath);
            loadTimes.Add(session.LoadTime.TotalMilliseconds);
        }

        using (session)
        {
            if (sampleRequestPath is null || !File.Exists(sampleRequestPath))
            {
                return (Median(loadTimes), double.NaN);
            }

            var model = new TableModel(session!);
            using var json = JsonDocument.Parse(File.ReadAllText(sampleRequestPath));
            var batch = TableRequestParser.Parse(json.RootElement, model);
            var batcher = new RowBatcher(model, 256, coalesce: false, lanes: 1);
            for (var i = 0; i < 20; i++)
            {
                batcher.ScoreAsync(batch).AsTask().GetAwaiter().GetResult();
            }

            var latencies = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                batcher.ScoreAsync(batch).AsTask().GetAwaiter().GetResult();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            return (Median(loadTimes), Median(latencies));
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }
}
