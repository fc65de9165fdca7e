namespace RepoML.Onnx.Graphs;

/// <summary>
/// Folds each categorical column's encoder chain in an ONNX graph into one node. ML.NET's ONNX export writes a one-hot
/// encoded text column as four nodes — <c>LabelEncoder</c> (string → key), <c>Cast</c> to uint32 and back to int64
/// (its key type), and <c>OneHotEncoder</c> over the keys — and a model with many such columns spends most of a
/// single-row run on these small nodes (each run pays every node's dispatch, whatever the batch). ONNX's
/// <c>OneHotEncoder</c> takes strings itself (<c>cats_strings</c>), so one node does the same work.
/// <para>
/// A chain is folded only when the result is the same for every input string: each category is the key of exactly
/// one string, an unknown string's key is no category (so it encodes to zeros both ways, or fails both ways without
/// <c>zeros</c>), and the chain's intermediate values are used nowhere else. Anything else is left as it was.
/// </para>
/// </summary>
public static class CategoricalEncoderFolding
{
    private const string MlDomain = "ai.onnx.ml";
    private const int OutputField = 12;
    private const long Uint32Type = 12, Int64Type = 7;

    /// <summary>The model with its categorical encoder chains folded, and how many were.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static (byte[] Model, int Folded) Fold(byte[] model)
    {
        if (OnnxModelGraph.Read(model) is not { } modelGraph)
        {
            return (model, 0);
        }

        var (graphFields, nodes) = (modelGraph.Fields, modelGraph.Nodes);
        if (nodes.Any(n => n.HasSubgraph))
        {
            return (model, 0);
        }

        var graphOutputs = graphFields.Where(f => f.Number == OutputField).Select(f => OnnxValueInfo.ReadName(f.Bytes)).ToHashSet(StringComparer.Ordinal);
        var uses = nodes.SelectMany(n => n.Inputs).GroupBy(i => i, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(),
            StringComparer.Ordinal);
        var producers = new Dictionary<string, OnnxNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs)
            {
                producers[output] = node;
            }
        }

        bool Private(OnnxNode node) => node.Outputs.Count == 1 && uses.GetValueOrDefault(node.Outputs[0]) == 1
            && !graphOutputs.Contains(node.Outputs[0]);
        OnnxNode? Feeding(OnnxNode node) => node.Inputs.Count == 1 && producers.GetValueOrDefault(node.Inputs[0]) is { } p && Private(p) ? p : null;

        var removed = new HashSet<OnnxNode>();
        var replaced = new Dictionary<OnnxNode, byte[]>();
        foreach (var encoder in nodes.Where(n => n.Is(MlDomain, "OneHotEncoder")))
        {
            if (Feeding(encoder) is { } back && IsCast(back, Int64Type)
                && Feeding(back) is { } narrow && IsCast(narrow, Uint32Type)
                && Feeding(narrow) is { } labels && labels.Is(MlDomain, "LabelEncoder")
                && StringCategories(labels, encoder) is { } categories)
            {
                removed.UnionWith([labels, narrow, back]);
                var kept = encoder.Attributes.Keys.Where(a => a != "cats_int64s").Select(encoder.AttributeBytes);
                replaced[encoder] = OnnxNode.Write(encoder.Name, "OneHotEncoder", MlDomain, [labels.Inputs[0]], encoder.Outputs,
                    [OnnxNode.StringsAttribute("cats_strings", categories), .. kept]);
            }
        }

        if (replaced.Count == 0)
        {
            return (model, 0);
        }

        var gone = removed.SelectMany(n => n.Outputs).ToHashSet(StringComparer.Ordinal);
        return (modelGraph.Rewrite(removed, gone, replaced), replaced.Count);
    }

    private static bool IsCast(OnnxNode node, long to) => node.Is("", "Cast") && node.Int("to") == to;

    /// <summary>The strings, one per category in the encoder's order, that the label encoder keys to it; null when not every input string
    /// would encode the same way.</summary>
    private static List<ReadOnlyMemory<byte>>? StringCategories(OnnxNode labels, OnnxNode encoder)
    {
        // default_string and default_float answer other key and value types than string → int64: they do not apply.
        if (labels.Attributes.Keys.Any(a => a is not ("keys_strings" or "values_int64s" or "default_int64" or "default_string" or "default_float"))
            || encoder.Attributes.ContainsKey("cats_strings"))
        {
            return null;
        }

        var keys = labels.Strings("keys_strings");
        var values = labels.Ints("values_int64s");
        var categories = encoder.Ints("cats_int64s");
        if (keys.Count == 0 || keys.Count != values.Count || categories.Count == 0 || categories.Distinct().Count() != categories.Count)
        {
            return null;
        }

        // The keys as the two casts leave them: int64 → uint32 keeps the low 32 bits, uint32 → int64 widens them.
        static long RoundTrip(long value) => unchecked((uint)value);
        if (categories.Contains(RoundTrip(labels.Int("default_int64") ?? -1)))
        {
            return null;
        }

        var byKey = keys.Select((key, i) => (Key: RoundTrip(values[i]), String: key)).ToLookup(p => p.Key, p => p.String);
        var strings = new List<ReadOnlyMemory<byte>>(categories.Count);
        foreach (var category in categories)
        {
            if (byKey[category].ToList() is not [var only])
            {
                return null;
            }

            strings.Add(only);
        }

        return strings;
    }
}
