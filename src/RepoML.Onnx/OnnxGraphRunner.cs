using Microsoft.ML.OnnxRuntime;
using RepoML.Core.Scoring;

namespace RepoML.Onnx;

/// <summary>
/// Runs a serving session's graph, as it stands after folding: on kept input sets, bound once a first run has shown the
/// outputs' shapes (<see cref="OnnxBoundRun"/>), or on values made for one run. Every ONNX Runtime failure comes out as a
/// <see cref="ScoringInputException"/>. Thread-safe as the session is; each input set runs once at a time.
/// </summary>
internal sealed class OnnxGraphRunner(InferenceSession session) : IDisposable
{
    private readonly RunOptions runOptions = new();

    /// <summary>
    /// Runs the graph on a filled input set. <paramref name="shared"/>: a bound run may answer its own output buffers,
    /// valid until the set's next run, instead of copies (for a caller that reads them at once and keeps none).
    /// </summary>
    /// <exception cref="ScoringInputException">ONNX Runtime rejected the inputs.</exception>
    public IReadOnlyList<OnnxTensor> Run(OnnxRunInputs inputs, IReadOnlyList<string> outputs, bool shared)
    {
        var bound = inputs.Bound is { } b && b.Gives(outputs);
        if (bound)
        {
            try
            {
                return inputs.Bound!.Run(session, runOptions, shared);
            }
            catch (OnnxRuntimeException)
            {
                // An output's shape differed from the bound one, or the values are bad: the ordinary run below tells which.
                inputs.Unbind(forGood: false);
            }
        }

        try
        {
            using var results = session.Run(runOptions, inputs.Names, inputs.Values, outputs);
            var tensors = Read(results, outputs);
            if (bound)
            {
                inputs.Unbind(forGood: true);
            }
            else if (inputs is { Kept: true, Bound: null, Unbindable: false } && OnnxBoundRun.TryCreate(session, inputs, outputs, tensors) is { } run)
            {
                inputs.Bind(run);
            }

            return tensors;
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ScoringInputException(ex.Message);
        }
    }

    /// <summary>Runs the graph on values made for this run (the caller disposes them).</summary>
    /// <exception cref="ScoringInputException">ONNX Runtime rejected the inputs.</exception>
    public OnnxTensor[] Run(IReadOnlyCollection<string> names, IReadOnlyCollection<OrtValue> values, IReadOnlyList<string> outputs)
    {
        try
        {
            using var results = session.Run(runOptions, names, values, outputs);
            return Read(results, outputs);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ScoringInputException(ex.Message);
        }
    }

    public void Dispose() => runOptions.Dispose();

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
}
