namespace RepoML.Onnx.Graphs;

/// <summary>
/// The last nodes of a graph, taken out by <see cref="ScoreTailFolding"/> and computed here from the value that fed them
/// (a tree ensemble's score, say): element by element, with the bits ONNX Runtime's kernels give. Each step reads the
/// root or an earlier step. Every step is computed whatever outputs are asked for, as ONNX Runtime runs every node: a NaN
/// score fails <c>Binarizer</c>, and so the run, even where only the probability is asked for.
/// </summary>
internal sealed class ScoreTail
{
    private readonly Step[] steps;
    private readonly int[] sources;
    private readonly Dictionary<string, int> answers;
    private readonly Func<float, float> logistic;

    public ScoreTail(string root, IReadOnlyList<Step> steps, IReadOnlyList<OnnxTensorInfo> outputs, Func<float, float> logistic)
    {
        Root = root;
        this.steps = [.. steps];
        this.logistic = logistic;
        var producers = steps.Select((s, i) => (s.Output, i)).ToDictionary(p => p.Output, p => p.i, StringComparer.Ordinal);
        sources = [.. steps.Select(s => producers.TryGetValue(s.Input, out var from) ? from : -1)];
        Outputs = outputs;
        answers = outputs.Where(o => producers.ContainsKey(o.Name)).ToDictionary(o => o.Name, o => producers[o.Name], StringComparer.Ordinal);
        RootOnly = [root];
    }

    /// <summary>What a step does to each element of its input.</summary>
    internal enum Operation
    {
        /// <summary><c>Identity</c>, or a <c>Cast</c> of a float to float.</summary>
        Copy,

        /// <summary><c>Mul</c> by a one-element float constant.</summary>
        Multiply,

        /// <summary><c>Add</c> of a one-element float constant.</summary>
        Add,

        /// <summary><c>Sigmoid</c>, as MLAS computes it (<see cref="MlasLogistic"/>).</summary>
        Logistic,

        /// <summary><c>Binarizer</c>: 1 above the threshold, else 0; a NaN fails the run.</summary>
        Binarize,

        /// <summary><c>Cast</c> of a float to bool: true unless zero.</summary>
        NonZero,
    }

    /// <summary>The graph's value the tail reads: a float tensor, the rewritten graph's one output.</summary>
    public string Root { get; }

    /// <summary>The outputs to ask the graph for: the root alone.</summary>
    public string[] RootOnly { get; }

    /// <summary>The model's own outputs, as its file declares them: what callers ask for.</summary>
    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>The model's <paramref name="outputs"/>, in that order, from the root's value.</summary>
    /// <exception cref="ScoringInputException">An output is not the model's, or a step fails on the values.</exception>
    public OnnxTensor[] Apply(OnnxTensor root, IReadOnlyList<string> outputs)
    {
        var source = (float[])root.Data;
        var values = new Array?[steps.Length];
        var at = new int[outputs.Count];
        for (var k = 0; k < outputs.Count; k++)
        {
            if (!answers.TryGetValue(outputs[k], out at[k]))
            {
                throw new ScoringInputException($"the model has no output '{outputs[k]}'; outputs: {string.Join(", ", Outputs.Select(o => o.Name))}");
            }
        }

        for (var step = 0; step < steps.Length; step++)
        {
            Value(step, source, values);
        }

        var tensors = new OnnxTensor[outputs.Count];
        for (var k = 0; k < outputs.Count; k++)
        {
            // A copy step answers its input's array: each output gets an array of its own.
            var data = values[at[k]]!;
            var shared = ReferenceEquals(data, source);
            for (var j = 0; j < k && !shared; j++)
            {
                shared = ReferenceEquals(tensors[j].Data, data);
            }

            tensors[k] = new OnnxTensor(outputs[k], data is bool[] ? TensorDataType.Bool : TensorDataType.Fp32, (long[])root.Shape.Clone(),
                shared ? (Array)data.Clone() : data);
        }

        return tensors;
    }

    private Array Value(int at, float[] root, Array?[] values)
    {
        if (values[at] is { } done)
        {
            return done;
        }

        var step = steps[at];
        var input = sources[at] is var from and >= 0 ? Value(from, root, values) : root;
        return values[at] = step.Operation == Operation.Copy ? input : Compute(step, (float[])input);
    }

    private Array Compute(Step step, float[] x)
    {
        if (step.Operation == Operation.NonZero)
        {
            var flags = new bool[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                flags[i] = x[i] != 0;
            }

            return flags;
        }

        var y = new float[x.Length];
        var c = step.Constant;
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = step.Operation switch
            {
                Operation.Multiply => x[i] * c,
                Operation.Add => x[i] + c,
                Operation.Logistic => logistic(x[i]),
                _ => float.IsNaN(x[i]) ? throw new ScoringInputException($"{step.Output}: input data with index: {i} is NaN") : x[i] > c ? 1 : 0,
            };
        }

        return y;
    }

    /// <summary>One node of the tail: <paramref name="Output"/> from <paramref name="Input"/> (the root or an earlier step's output).</summary>
    internal sealed record Step(Operation Operation, string Input, string Output, float Constant = 0);
}
