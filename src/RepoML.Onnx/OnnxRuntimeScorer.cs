namespace RepoML.Onnx;

/// <summary>
/// Scores table rows with ONNX Runtime. The model is loaded once (one <see cref="InferenceSession"/>, thread-safe);
/// each model input takes the column of the same name, and rows are run in batches of <see cref="BatchSize"/>
/// with input buffers reused between batches.
/// </summary>
public sealed class OnnxRuntimeScorer : IModelScorer
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    private OnnxRuntimeScorer(InferenceSession session, int foldedTextEncoders, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.session = session;
        FoldedTextEncoders = foldedTextEncoders;
        BatchSize = batchSize;
        Signature = new ModelSignature(
            [.. session.InputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))],
            [.. session.OutputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))]);
    }

    /// <inheritdoc/>
    public ModelSignature Signature { get; }

    /// <summary>Rows per <c>Run</c> call.</summary>
    public int BatchSize { get; }

    /// <summary>How many one-hot text encoder chains were folded at load (0 when loaded with <c>fold: false</c>).</summary>
    public int FoldedTextEncoders { get; }

    /// <summary>Loads an .onnx file, with an ML.NET export's text encoders folded as the server folds them.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="batchSize">Rows per run.</param>
    /// <param name="fold">False scores the graph exactly as written (to compare a folded model with its source).</param>
    /// <exception cref="ScoringInputException">The file is not a model ONNX Runtime can load.</exception>
    public static OnnxRuntimeScorer Load(string path, int batchSize = 4096, bool fold = true) =>
        Create(() => fold ? Graphs.FoldedSession.Open(path, Options()) : (new InferenceSession(path, Options()), 0), batchSize, path);

    /// <summary>Loads a model from its serialized bytes.</summary>
    /// <inheritdoc cref="Load(string, int, bool)"/>
    public static OnnxRuntimeScorer Load(byte[] model, int batchSize = 4096, bool fold = true) =>
        Create(() => fold ? Graphs.FoldedSession.Open(model, Options()) : (new InferenceSession(model, Options()), 0), batchSize, "model bytes");

    /// <inheritdoc/>
    public ScoringResult Score(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string>? outputs = null)
    {
        var inputs = Signature.Inputs;
        var missing = inputs.Where(i => !columns.Contains(i.Name)).Select(i => $"'{i.Name}'").ToList();
        if (missing.Count > 0)
        {
            throw new ScoringInputException($"the data has no column for model input(s) {string.Join(", ", missing)}; columns: " +
                $"{string.Join(", ", columns)}");
        }

        if (inputs.FirstOrDefault(i => i.RowWidth != 1) is { } input)
        {
            throw new ScoringInputException($"model input {input} takes {input.RowWidth} values per row; only one column per input is supported");
        }

        // By default every per-row tensor output: exporters add constant side outputs (ML.NET's "*.unusedOutput").
        var selected = (outputs ?? [.. Signature.Outputs.Where(o => o.ElementKind != TensorElementKind.Other && o.Shape is [< 0, ..]).Select(o
            => o.Name)])
            .Select(name => Signature.FindOutput(name)
                ?? throw new ScoringInputException($"the model has no output '{name}'; outputs: " +
                $"{string.Join(", ", Signature.Outputs.Select(o => o.Name))}"))
            .ToList();
        var inputNames = inputs.Select(i => i.Name).ToArray();
        var outputNames = selected.Select(o => o.Name).ToArray();
        var readers = selected.Select(o => new OnnxOutputReader(o, rows.Count)).ToArray();
        var buffers = inputs.Select(i => new OnnxInputBuffers(i, IndexOf(columns, i.Name), Math.Min(BatchSize, Math.Max(rows.Count, 1)))).ToArray();
        try
        {
            for (var start = 0; start < rows.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, rows.Count - start);
                var values = new OrtValue[buffers.Length];
                try
                {
                    for (var i = 0; i < buffers.Length; i++)
                    {
                        values[i] = buffers[i].Fill(rows, start, count);
                    }

                    using var results = session.Run(runOptions, inputNames, values, outputNames);
                    var k = 0;
                    foreach (var result in results)
                    {
                        readers[k++].Append(result, start, count);
                    }
                }
                finally
                {
                    foreach (var value in values)
                    {
                        value?.Dispose();
                    }
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

    /// <summary>Releases the native session.</summary>
    public void Dispose()
    {
        runOptions.Dispose();
        session.Dispose();
    }

    // Warnings (e.g. ML.NET exports' lenient shape merges) would clutter command output; errors still surface as exceptions.
    private static SessionOptions Options() => new() { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };

    private static OnnxRuntimeScorer Create(Func<(InferenceSession Session, int Folded)> open, int batchSize, string source)
    {
        try
        {
            var (session, folded) = open();
            return new OnnxRuntimeScorer(session, folded, batchSize);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidDataException)
        {
            throw new ScoringInputException($"{source} is not a model ONNX Runtime can load: {ex.Message}");
        }
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
