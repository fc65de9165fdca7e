using Microsoft.ML.OnnxRuntime;
using RepoML.Core.Scoring;
using RepoML.Onnx.Graphs;

namespace RepoML.Onnx;

/// <summary>
/// Scores table rows with ONNX Runtime. The model is loaded once (one <see cref="InferenceSession"/>, thread-safe);
/// each model input takes the column of the same name (a wider one, the columns no input is named after: see
/// <see cref="ScorerColumns"/>), and rows are run in batches of <see cref="BatchSize"/>
/// with input buffers reused between batches. Where the graph's feature vector is taken out of it
/// (<see cref="FeatureVectorFolding"/>), each batch's columns are written into that vector instead.
/// </summary>
public sealed class OnnxRuntimeScorer : IModelScorer
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly FeatureVectorLayout? layout;

    private OnnxRuntimeScorer(InferenceSession session, int foldedTextEncoders, FeatureVectorLayout? layout, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.session = session;
        this.layout = layout;
        FoldedTextEncoders = foldedTextEncoders;
        BatchSize = batchSize;
        Signature = new ModelSignature(
            layout is null ? [.. session.InputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))] : [.. layout.Inputs.Select(OnnxTypes.ToModelTensor)],
            [.. session.OutputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))]);
    }

    /// <inheritdoc/>
    public ModelSignature Signature { get; }

    /// <summary>Rows per <c>Run</c> call.</summary>
    public int BatchSize { get; }

    /// <summary>How many one-hot text encoder chains were folded at load (0 when loaded with <c>fold: false</c>).</summary>
    public int FoldedTextEncoders { get; }

    /// <summary>Whether the feature vector is built in managed code rather than by the graph (never with <c>fold: false</c>).</summary>
    public bool FeatureVectorFolded => layout is not null;

    /// <summary>Loads an .onnx file, with an ML.NET export's text encoders folded as the server folds them.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="batchSize">Rows per run.</param>
    /// <param name="fold">False scores the graph exactly as written (to compare a folded model with its source): no encoder
    /// chain folded, no feature vector taken out.</param>
    /// <exception cref="ScoringInputException">The file is not a model ONNX Runtime can load.</exception>
    public static OnnxRuntimeScorer Load(string path, int batchSize = 4096, bool fold = true) =>
        Create(() => fold ? FoldedSession.OpenForScoring(path, Options()) : (new InferenceSession(path, Options()), 0, null), batchSize, path);

    /// <summary>Loads a model from its serialized bytes.</summary>
    /// <inheritdoc cref="Load(string, int, bool)"/>
    public static OnnxRuntimeScorer Load(byte[] model, int batchSize = 4096, bool fold = true) =>
        Create(() => fold ? FoldedSession.OpenForScoring(model, Options()) : (new InferenceSession(model, Options()), 0, null), batchSize, "model bytes");

    /// <inheritdoc/>
    public ScoringResult Score(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string>? outputs = null)
    {
        var inputs = Signature.Inputs;
        var inputColumns = ScorerColumns.Resolve(inputs, columns);

        // By default every per-row tensor output: exporters add constant side outputs (ML.NET's "*.unusedOutput").
        var selected = (outputs ?? [.. Signature.Outputs.Where(o => o.ElementKind != TensorElementKind.Other && o.Shape is [< 0, ..]).Select(o => o.Name)])
            .Select(name => Signature.FindOutput(name) ?? throw new ScoringInputException($"the model has no output '{name}'; outputs: {string.Join(", ", Signature.Outputs.Select(o => o.Name))}"))
            .ToList();
        var inputNames = inputs.Select(i => i.Name).ToArray();
        var outputNames = selected.Select(o => o.Name).ToArray();
        var readers = selected.Select(o => new OnnxOutputReader(o, rows.Count)).ToArray();
        var buffers = inputs.Select((input, i) => new OnnxInputBuffers(input, inputColumns[i], Math.Min(BatchSize, Math.Max(rows.Count, 1)))).ToArray();
        try
        {
            for (var start = 0; start < rows.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, rows.Count - start);
                if (layout is null)
                {
                    RunColumns(buffers, inputNames, outputNames, rows, start, count, readers);
                }
                else
                {
                    RunVector(layout, buffers, outputNames, rows, start, count, readers);
                }
            }
        }
        finally
        {
            foreach (var buffer in buffers)
            {
                buffer.Dispose();
            }
        }

        return new ScoringResult(rows.Count, [.. readers.Select(r => r.ToTensor(rows.Count))]);
    }

    /// <summary>Runs rows [start, start+count) with one input value per model input.</summary>
    private void RunColumns(OnnxInputBuffers[] buffers, string[] inputNames, string[] outputNames, IReadOnlyList<IReadOnlyList<string>> rows,
        int start, int count, OnnxOutputReader[] readers)
    {
        var values = new OrtValue[buffers.Length];
        try
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                values[i] = buffers[i].Fill(rows, start, count);
            }

            using var results = session.Run(runOptions, inputNames, values, outputNames);
            Append(results, readers, start, count);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>Runs rows [start, start+count) with the feature vector written from their columns.</summary>
    private void RunVector(FeatureVectorLayout layout, OnnxInputBuffers[] buffers, string[] outputNames, IReadOnlyList<IReadOnlyList<string>> rows,
        int start, int count, OnnxOutputReader[] readers)
    {
        using var vector = new OnnxRunInputs(layout.Inputs, [.. buffers.Select(_ => new long[] { count, 1 })], returnTo: null, layout).Lend();
        for (var i = 0; i < buffers.Length; i++)
        {
            vector.Write(i, buffers[i].Column(rows, start, count), 0);
        }

        using var results = session.Run(runOptions, vector.Names, vector.Values, outputNames);
        Append(results, readers, start, count);
    }

    private static void Append(IReadOnlyCollection<OrtValue> results, OnnxOutputReader[] readers, int start, int count)
    {
        var k = 0;
        foreach (var result in results)
        {
            readers[k++].Append(result, start, count);
        }
    }

    /// <summary>Releases the native session.</summary>
    public void Dispose()
    {
        runOptions.Dispose();
        session.Dispose();
    }

    // Warnings (e.g. ML.NET exports' lenient shape merges) would clutter command output; errors still surface as exceptions.
    private static SessionOptions Options() => new() { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };

    private static OnnxRuntimeScorer Create(Func<(InferenceSession Session, int Folded, FeatureVectorLayout? Layout)> open, int batchSize, string source)
    {
        try
        {
            var (session, folded, layout) = open();
            return new OnnxRuntimeScorer(session, folded, layout, batchSize);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidDataException)
        {
            throw new ScoringInputException($"{source} is not a model ONNX Runtime can load: {ex.Message}");
        }
    }
}
