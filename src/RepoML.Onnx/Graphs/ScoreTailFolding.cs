using static RepoML.Onnx.Graphs.ScoreTail;

namespace RepoML.Onnx.Graphs;

/// <summary>
/// Takes the element-wise nodes after a model's score out of its graph, to be computed in managed code
/// (<see cref="ScoreTail"/>). An ML.NET binary classifier's export ends in seven such nodes after its trees: <c>Mul</c>
/// and <c>Add</c> by its calibration constants, <c>Sigmoid</c>, <c>Binarizer</c>, <c>Cast</c> to bool and an
/// <c>Identity</c> for each output. Each node costs ONNX Runtime a kernel dispatch on every run, together about as much
/// as the trees on a single row, while their arithmetic is a few instructions.
/// <para>
/// Only a tail whose every answer stays the same is taken out: every graph output comes from it, it reads one float value
/// made by the rest of the graph (checked once the session is open), its constants are one-element float initializers
/// that no input overrides, and every node is one whose bits are known — <c>Identity</c>, <c>Cast</c> of a float to float
/// or bool, <c>Mul</c>, <c>Add</c>, <c>Binarizer</c> with its threshold written, and <c>Sigmoid</c> where
/// <see cref="MlasLogistic"/> matches this ONNX Runtime. Anything else is left to run as written (null). Like
/// <see cref="FeatureVectorFolding"/>, the rewritten model is for a session in memory, never written to a file.
/// </para>
/// </summary>
internal static class ScoreTailFolding
{
    private const string MlDomain = "ai.onnx.ml";
    private const int InitializerField = 5, InputField = 11, OutputField = 12;
    private const int DimsField = 1, DataTypeField = 2, FloatDataField = 4, TensorNameField = 8, RawDataField = 9;
    private const long FloatType = 1, BoolType = 9;

    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static (byte[] Model, ScoreTail Tail)? Fold(byte[] model)
    {
        if (OnnxModelGraph.Read(model) is not { } modelGraph)
        {
            return null;
        }

        var (graphFields, nodes) = (modelGraph.Fields, modelGraph.Nodes);
        var outputs = graphFields.Where(f => f.Number == OutputField).Select(f => OnnxValueInfo.Read(f.Bytes)).ToList();
        var inputs = graphFields.Where(f => f.Number == InputField).Select(f => OnnxValueInfo.Read(f.Bytes).Name).ToHashSet(StringComparer.Ordinal);
        var constants = graphFields.Where(f => f.Number == InitializerField).Select(f => ProtoWire.Read(f.Bytes))
            .Select(t => (Name: t.LastOrDefault(f => f.Number == TensorNameField).Text, Value: Scalar(t)))
            .Where(c => !inputs.Contains(c.Name)).GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single().Value : null, StringComparer.Ordinal);
        if (outputs.Count == 0 || nodes.Any(n => n.HasSubgraph) || outputs.DistinctBy(o => o.Name).Count() != outputs.Count
            || outputs.Any(o => o.ElementType is not (OnnxValueInfo.FloatType or (int)BoolType)))
        {
            return null;
        }

        // Walk back from the outputs through the nodes a tail may hold, to the one value they all start from.
        var producers = nodes.SelectMany(n => n.Outputs.Select(o => (Value: o, Node: n))).ToLookup(p => p.Value, p => p.Node, StringComparer.Ordinal);
        var tail = new Dictionary<OnnxNode, Step>();
        var pending = new Stack<string>(outputs.Select(o => o.Name));
        string? root = null;
        while (pending.TryPop(out var value))
        {
            if (producers[value].ToList() is not [var node] || tail.ContainsKey(node))
            {
                if (producers[value].Count() != 1)
                {
                    return null;
                }

                continue;
            }

            if (StepOf(node, constants) is not { } step)
            {
                if (root is not null && root != value || inputs.Contains(value) || constants.ContainsKey(value))
                {
                    return null;
                }

                root = value;
                continue;
            }

            tail[node] = step;
            pending.Push(step.Input);
        }

        var tailValues = tail.Keys.SelectMany(n => n.Outputs).ToHashSet(StringComparer.Ordinal);
        if (root is null || tail.Count == 0 || outputs.Any(o => o.Name == root)
            || nodes.Any(n => !tail.ContainsKey(n) && n.Inputs.Any(tailValues.Contains))
            || !Typed(nodes.Where(tail.ContainsKey).Select(n => tail[n]).ToList(), root, outputs))
        {
            return null;
        }

        var steps = nodes.Where(tail.ContainsKey).Select(n => tail[n]).ToList();
        var declared = outputs.Select(o => new OnnxTensorInfo(o.Name, o.ElementType == BoolType ? TensorDataType.Bool : TensorDataType.Fp32,
            [.. o.Dimensions.Select(d => d ?? -1)])).ToList();
        return (modelGraph.Rewrite(tail.Keys.ToHashSet(), tailValues, io: RootOutput(root)),
            new ScoreTail(root, steps, declared, MlasLogistic.Matching ?? MlasLogistic.Unfused));
    }

    /// <summary>The graph output the tail's root becomes, the graph's one output: a float tensor of any shape.</summary>
    private static ProtoField RootOutput(string root)
    {
        var tensorType = ProtoWire.Write([ProtoField.OfBytes(1, ProtoWire.Write([ProtoField.OfNumber(1, FloatType)]))]);
        return ProtoField.OfBytes(OutputField, ProtoWire.Write([ProtoField.OfText(1, root), ProtoField.OfBytes(2, tensorType)]));
    }

    /// <summary>The step a node is, or null when it is not one a tail may hold.</summary>
    private static Step? StepOf(OnnxNode node, Dictionary<string, float?> constants)
    {
        if (node.Outputs is not [var output])
        {
            return null;
        }

        bool Only(params string[] attributes) => node.Attributes.Keys.All(attributes.Contains);
        return (node.Domain, node.OpType, node.Inputs) switch
        {
            ("", "Identity", [var x]) when Only() => new Step(Operation.Copy, x, output),
            ("", "Cast", [var x]) when Only("to", "saturate") && node.Int("to") == FloatType => new Step(Operation.Copy, x, output),
            ("", "Cast", [var x]) when Only("to", "saturate") && node.Int("to") == BoolType => new Step(Operation.NonZero, x, output),
            ("", "Sigmoid", [var x]) when Only() && MlasLogistic.Matching is not null => new Step(Operation.Logistic, x, output),
            (MlDomain, "Binarizer", [var x]) when Only("threshold") && node.Float("threshold") is { } threshold => new Step(Operation.Binarize, x, output, threshold),
            ("", "Mul" or "Add", [var a, var b]) when Only() => (constants.GetValueOrDefault(a), constants.GetValueOrDefault(b)) switch
            {
                (null, { } c) => new Step(node.OpType == "Mul" ? Operation.Multiply : Operation.Add, a, output, c),
                ({ } c, null) => new Step(node.OpType == "Mul" ? Operation.Multiply : Operation.Add, b, output, c),
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>Whether every step reads the type it computes on (float, except a copy), and each output is the type it declares.</summary>
    private static bool Typed(List<Step> steps, string root, List<OnnxValueInfo> outputs)
    {
        var types = new Dictionary<string, long>(StringComparer.Ordinal) { [root] = FloatType };
        foreach (var step in steps)
        {
            if (!types.TryGetValue(step.Input, out var input) || (step.Operation != Operation.Copy && input != FloatType))
            {
                return false;
            }

            types[step.Output] = step.Operation == Operation.NonZero ? BoolType : input;
        }

        return outputs.All(o => types.GetValueOrDefault(o.Name) == o.ElementType);
    }

    /// <summary>The value of a float initializer of one element (dims [] or [1]); null for any other.</summary>
    private static float? Scalar(List<ProtoField> tensor)
    {
        var dims = tensor.Where(f => f.Number == DimsField).SelectMany(f => f.Int64s()).ToList();
        if (tensor.LastOrDefault(f => f.Number == DataTypeField).Value != FloatType || dims is not ([] or [1])
            || tensor.Any(f => f.Number is not (DimsField or DataTypeField or FloatDataField or TensorNameField or RawDataField)))
        {
            return null;
        }

        var raw = tensor.Where(f => f.Number == RawDataField).ToList();
        var floats = tensor.Where(f => f.Number == FloatDataField).ToList();
        return (raw, floats) switch
        {
            ([var r], []) when r.Bytes.Length == 4 => BitConverter.ToSingle(r.Bytes.Span),
            ([], [var f]) when f.Bytes.Length == 4 => BitConverter.ToSingle(f.Bytes.Span),
            _ => null,
        };
    }
}
