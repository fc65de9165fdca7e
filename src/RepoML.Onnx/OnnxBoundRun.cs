using Microsoft.ML.OnnxRuntime;

namespace RepoML.Onnx;

/// <summary>
/// Runs of one kept input set with its values bound once (ONNX Runtime's IoBinding) and its outputs written into pinned
/// buffers of the shapes an earlier run of the same inputs gave, then copied out. That saves what an ordinary run pays
/// every time to look up names and to allocate, wrap and free its outputs: about a quarter of a one-row run of the
/// sample model. Only for outputs that are numeric or boolean tensors; not thread-safe (one run at a time, as its set).
/// </summary>
internal sealed class OnnxBoundRun : IDisposable
{
    private readonly OrtIoBinding binding;
    private readonly OrtValue[] values;
    private readonly Array[] buffers;
    private readonly OnnxTensor[] shapes;

    private OnnxBoundRun(OrtIoBinding binding, OrtValue[] values, Array[] buffers, OnnxTensor[] shapes, IReadOnlyList<string> outputs)
    {
        this.binding = binding;
        this.values = values;
        this.buffers = buffers;
        this.shapes = shapes;
        Outputs = outputs;
    }

    /// <summary>The outputs these runs give, in order.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>A bound run for <paramref name="inputs"/>, whose outputs came out as <paramref name="first"/>; null when one cannot be bound.</summary>
    public static OnnxBoundRun? TryCreate(InferenceSession session, OnnxRunInputs inputs, IReadOnlyList<string> outputs, IReadOnlyList<OnnxTensor> first)
    {
        if (first.Any(t => t.DataType is TensorDataType.Bytes or TensorDataType.Fp16))
        {
            return null;
        }

        var buffers = first.Select(t => OnnxTensorConverter.Buffer(t.DataType, t.Data.Length, pinned: true)).ToArray();
        var values = first.Select((t, k) => OnnxTensorConverter.Wrap(t.DataType, buffers[k], t.Shape)).ToArray();
        var binding = session.CreateIoBinding();
        for (var i = 0; i < inputs.Names.Length; i++)
        {
            binding.BindInput(inputs.Names[i], inputs.Values[i]);
        }

        for (var k = 0; k < outputs.Count; k++)
        {
            binding.BindOutput(outputs[k], values[k]);
        }

        return new OnnxBoundRun(binding, values, buffers, [.. first.Select(t => t with { Data = Array.Empty<byte>() })], [.. outputs]);
    }

    /// <summary>Whether these runs give exactly <paramref name="outputs"/>.</summary>
    public bool Gives(IReadOnlyList<string> outputs)
    {
        if (outputs.Count != Outputs.Count)
        {
            return false;
        }

        for (var k = 0; k < outputs.Count; k++)
        {
            if (!string.Equals(outputs[k], Outputs[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs on the set's current values. Each output is a copy (the buffers are the next run's), unless
    /// <paramref name="shared"/>: then the outputs are the buffers themselves, valid only until the set's next run, for a
    /// caller that reads them at once (the serving session's score tail, which writes its answers into arrays of its own).
    /// </summary>
    /// <exception cref="OnnxRuntimeException">The run failed, or an output's shape was not the bound one.</exception>
    public OnnxTensor[] Run(InferenceSession session, RunOptions options, bool shared = false)
    {
        session.RunWithBinding(options, binding);
        var tensors = new OnnxTensor[buffers.Length];
        for (var k = 0; k < buffers.Length; k++)
        {
            tensors[k] = shared ? shapes[k] with { Data = buffers[k] } : shapes[k] with { Shape = (long[])shapes[k].Shape.Clone(), Data = (Array)buffers[k].Clone() };
        }

        return tensors;
    }

    public void Dispose()
    {
        binding.Dispose();
        foreach (var value in values)
        {
            value.Dispose();
        }
    }
}
