using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using RepoML.Core.Scoring;
using RepoML.Onnx.Graphs;

namespace RepoML.Onnx;

/// <summary>
/// A model loaded once for serving: runs whole tensors (any ONNX element type, any shape), which is what the
/// Open Inference Protocol and batched scoring need. Thread-safe; one intra-op thread per run by default, because
/// a server gets its parallelism from concurrent requests. The model's inputs are what callers send even where the
/// session reads a feature vector built from them (<see cref="FeatureVectorFolding"/>).
/// </summary>
public sealed class OnnxServingSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly OnnxGraphRunner runner;
    private readonly OnnxInputPool inputPool;
    private readonly FeatureVectorLayout? layout;
    private readonly ScoreTail? tail;

    private OnnxServingSession(InferenceSession session, TimeSpan loadTime, int foldedTextEncoders, FeatureVectorLayout? layout, ScoreTail? tail)
    {
        this.session = session;
        runner = new OnnxGraphRunner(session);
        this.layout = layout;
        this.tail = tail;
        LoadTime = loadTime;
        FoldedTextEncoders = foldedTextEncoders;
        Inputs = layout?.Inputs ?? [.. session.InputMetadata.Select(m => Info(m.Key, m.Value))];
        Outputs = tail?.Outputs ?? [.. session.OutputMetadata.Select(m => Info(m.Key, m.Value))];
        inputPool = new OnnxInputPool(Inputs, layout);
        Signature = new ModelSignature(
            layout is null ? [.. session.InputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))] : [.. layout.Inputs.Select(OnnxTypes.ToModelTensor)],
            tail is null ? [.. session.OutputMetadata.Select(m => OnnxTypes.ToModelTensor(m.Key, m.Value))] : [.. tail.Outputs.Select(OnnxTypes.ToModelTensor)]);
    }

    /// <summary>The model inputs, in declaration order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    /// <summary>The model outputs, in declaration order.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>The same model as Core's runtime-neutral signature (for table scoring).</summary>
    public ModelSignature Signature { get; }

    /// <summary>How long loading and optimising the model took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>How many one-hot text encoder chains of an ML.NET export were folded at load (<see cref="Graphs.CategoricalEncoderFolding"/>).</summary>
    public int FoldedTextEncoders { get; }

    /// <summary>
    /// Whether the feature vector of an ML.NET export is built in managed code from the inputs instead of by the graph's
    /// encoders and vectorizer (<see cref="FeatureVectorFolding"/>): one input to bind a run, no string tensors.
    /// </summary>
    public bool FeatureVectorFolded => layout is not null;

    /// <summary>
    /// Whether the element-wise nodes after the model's score (calibration, <c>Sigmoid</c>, <c>Binarizer</c>, casts) are
    /// computed in managed code, with ONNX Runtime's bits, instead of as kernels of every run (<see cref="ScoreTailFolding"/>).
    /// </summary>
    public bool ScoreTailFolded => tail is not null;

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
            var (session, folded, layout, tail) = FoldedSession.OpenForServing(path, options);
            return new OnnxServingSession(session, clock.Elapsed, folded, layout, tail);
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
        if (layout is not null)
        {
            using var vector = RentInputs(layout.ShapesOf(inputs));
            foreach (var input in inputs)
            {
                vector.Write(layout.IndexOf(input.Name), input.Data, 0);
            }

            return Run(vector, outputs);
        }

        var names = new string[inputs.Count];
        var values = new OrtValue[inputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                names[i] = inputs[i].Name;
                values[i] = OnnxTensorConverter.ToOrtValue(inputs[i]);
            }

            var asked = tail?.RootOnly ?? outputs;
            var results = runner.Run(names, values, asked);
            return tail is null ? results : tail.Apply(results[0], outputs);
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
    public IReadOnlyList<OnnxTensor> Run(OnnxRunInputs inputs, IReadOnlyList<string> outputs) =>
        tail is null ? runner.Run(inputs, outputs, shared: false) : tail.Apply(runner.Run(inputs, tail.RootOnly, shared: true)[0], outputs);

    /// <summary>Releases the native session.</summary>
    public void Dispose()
    {
        inputPool.Dispose();
        runner.Dispose();
        session.Dispose();
    }

    private static OnnxTensorInfo Info(string name, NodeMetadata metadata) => new(
        name,
        metadata.IsTensor ? OnnxTensorConverter.ToDataType(metadata.ElementDataType) : null,
        metadata.IsTensor ? [.. metadata.Dimensions.Select(d => (long)d)] : [])
    {
        Kind = metadata.OnnxValueType switch
        {
            OnnxValueType.ONNX_TYPE_SEQUENCE => "sequence",
            OnnxValueType.ONNX_TYPE_MAP => "map",
            OnnxValueType.ONNX_TYPE_OPTIONAL => "optional value",
            OnnxValueType.ONNX_TYPE_SPARSETENSOR => "sparse tensor",
            _ when OnnxTensorConverter.ToDataType(metadata.ElementDataType) is null => $"{metadata.ElementDataType} tensor",
            _ => "tensor",
        },
    };
}
