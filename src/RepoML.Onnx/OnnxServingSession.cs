using System.Diagnostics;

namespace RepoML.Onnx;

/// <summary>
/// A model loaded once for serving: runs whole tensors (any ONNX element type, any shape), which is what the
/// Open Inference Protocol and batched scoring need. Thread-safe; one intra-op thread per run by default, because
/// a server gets its parallelism from concurrent requests.
/// </summary>
public sealed class OnnxServingSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OnnxInputPool inputPool;

    private OnnxServingSession(InferenceSession session, TimeSpan loadTime, int foldedTextEncoders)
    {
        this.session = session;
        LoadTime = loadTime;
        FoldedTextEncoders = foldedTextEncoders;
        Inputs = [.. session.InputMetadata.Select(m => Info(m.Key, m.Value))];
        Outputs = [.. session.OutputMetadata.Select(m => Info(m.Key, m.Value))];
        inputPool = new OnnxInputPool(Inputs);
        Signature = new ModelSignature(
            [.. session.InputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))],
            [.. session.OutputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))]);
    }

    /// <summary>The model inputs, in declaration order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>The model outputs, in declaration order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>The same model as Core's runtime-neutral signature (for table scoring).</summary>
    public ModelSignature Signature { get; }

    /// <summary>How long loading and optimising the model took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>How many one-hot text encoder chains of an ML.NET export were folded at load (<see
    /// cref="Graphs.CategoricalEncoderFolding"/>).</summary>
    public int FoldedTextEncoders { get; }

    /// <summary>
    /// Loads an .onnx file, with the text encoder chains of an ML.NET export folded as packaging folds them, so a model
    /// served here runs as it will in the image (<see cref="Graphs.FoldedSession"/>).
    /// </summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="intraOpThreads">Threads one run may use; 0 lets ONNX Runtime choose (all cores).</param>
    /// <exception cref="ScoringInputException">The file is not a model ONNX Runtime can load.</exception>
    public static OnnxServingSession Load(string path, int intraOpThreads = 1)
    {
        var clock = Stopwatch.StartNew();
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        try
        {
            var (session, folded) = Graphs.FoldedSession.Open(path, options);
            return new OnnxServingSession(session, clock.Elapsed, folded);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidDataException)
        {
            throw new ScoringInputException($"{Path.GetFileName(path)} is not a model ONNX Runtime can load: {ex.Message}");
        }
    }

    /// <summary>Runs the model on <paramref name="inputs"/> (every model input, by name) and returns the named outputs in that order.</summary>
    /// <exception cref="ScoringInputException">ONNX Runtime rejected the inputs (wrong type, rank or size).</exception>
    public IReadOnlyList<OnnxTensor> Run(IReadOnlyList<OnnxTensor> inputs, IReadOnlyList<string> outputs)
    {
        var names = new string[inputs.Count];
        var values = new OrtValue[inputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                names[i] = inputs[i].Name;
                values[i] = OnnxTensorConverter.ToOrtValue(inputs[i]);
            }

            using var results = session.Run(runOptions, names, values, outputs);
            return Read(results, outputs);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ScoringInputException(ex.Message);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>
    /// Input values of these shapes (one per model input, in order) to fill and <see cref="Run(OnnxRunInputs, IReadOnlyList{string})"/>;
    /// disposing them keeps small ones for the next run of the same shapes. Cheaper than tensors for every run.
    /// </summary>
    public OnnxRunInputs RentInputs(IReadOnlyList<long[]> shapes) => inputPool.Rent(shapes);

    /// <summary>Runs the model on filled <paramref name="inputs"/> and returns the named outputs in that order.</summary>
    /// <exception cref="ScoringInputException">ONNX Runtime rejected the inputs.</exception>
    public IReadOnlyList<OnnxTensor> Run(OnnxRunInputs inputs, IReadOnlyList<string> outputs)
    {
        try
        {
            using var results = session.Run(runOptions, inputs.Names, inputs.Values, outputs);
            return Read(results, outputs);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ScoringInputException(ex.Message);
        }
    }

    /// <summary>Releases the native session.</summary>
    public void Dispose()
    {
        inputPool.Dispose();
        runOptions.Dispose();
        session.Dispose();
    }

    private static OnnxTensor[] Read(IReadOnlyCollection<OrtValue> results, IReadOnlyList<string> outputs)
    {
        var tensors = new OnnxTensor[outputs.Count];
        var k = 0;
        foreach (var result in results)
        {
            tensors[k] = OnnxTensorConverter.FromOrtValue(outputs[k], result);
            k++;
        }

        return tensors;
    }

    private static OnnxTensorInfo Info(string name, NodeMetadata metadata) => new(
        name,
        metadata.IsTensor ? OnnxTensorConverter.ToDataType(metadata.ElementDataType) : null,
        metadata.IsTensor ? [.. metadata.Dimensions.Select(d => (long)d)] : []);
}
