namespace RepoML.Onnx.Graphs;

/// <summary>
/// An ONNX model read for a graph rewrite: the graph's fields and nodes in order, and the model written back around a
/// rewritten graph (every other field of the model exactly as it was read).
/// </summary>
internal sealed class OnnxModelGraph
{
    private const int GraphField = 7, NodeField = 1, ValueInfoField = 13;
    private readonly List<ProtoField> modelFields;
    private readonly int graphAt;

    private OnnxModelGraph(List<ProtoField> modelFields, int graphAt)
    {
        this.modelFields = modelFields;
        this.graphAt = graphAt;
        Fields = ProtoWire.Read(modelFields[graphAt].Bytes);
        Nodes = Fields.Where(f => f.Number == NodeField).Select(f => new OnnxNode(f.Bytes)).ToList();
    }

    /// <summary>The graph's fields, in the order they were read.</summary>
    public List<ProtoField> Fields { get; }

    /// <summary>The graph's nodes, in the order of its node fields.</summary>
    public List<OnnxNode> Nodes { get; }

    /// <summary>The model's graph, or null when the model has none.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed ONNX model.</exception>
    public static OnnxModelGraph? Read(byte[] model)
    {
        var modelFields = ProtoWire.Read(model);
        var graphAt = modelFields.FindIndex(f => f.Number == GraphField && f.WireType == ProtoField.Delimited);
        return graphAt < 0 ? null : new OnnxModelGraph(modelFields, graphAt);
    }

    /// <summary>
    /// The model with its graph rewritten, every kept field where it was read: the nodes in <paramref name="removed"/> left
    /// out and those in <paramref name="replaced"/> written as given; the value infos of the values in <paramref name="gone"/>
    /// left out; and with <paramref name="io"/>, the graph's fields of its number (its inputs, or its outputs) replaced by
    /// it, written once where the first of them stood.
    /// </summary>
    public byte[] Rewrite(HashSet<OnnxNode> removed, HashSet<string> gone, IReadOnlyDictionary<OnnxNode, byte[]>? replaced = null,
        ProtoField? io = null)
    {
        var graph = new List<ProtoField>();
        var nodeIndex = 0;
        var ioWritten = false;
        foreach (var field in Fields)
        {
            if (field.Number == NodeField)
            {
                var node = Nodes[nodeIndex++];
                if (!removed.Contains(node))
                {
                    graph.Add(replaced is not null && replaced.TryGetValue(node, out var bytes) ? ProtoField.OfBytes(NodeField, bytes) : field);
                }
            }
            else if (io is { } single && field.Number == single.Number)
            {
                if (!ioWritten)
                {
                    graph.Add(single);
                    ioWritten = true;
                }
            }
            else if (!(field.Number == ValueInfoField && gone.Contains(OnnxValueInfo.ReadName(field.Bytes))))
            {
                graph.Add(field);
            }
        }

        return WithGraph(ProtoWire.Write(graph));
    }

    /// <summary>The model with its graph replaced by <paramref name="graph"/> (the bytes of a GraphProto).</summary>
    public byte[] WithGraph(byte[] graph)
    {
        var fields = new List<ProtoField>(modelFields) { [graphAt] = ProtoField.OfBytes(GraphField, graph) };
        return ProtoWire.Write(fields);
    }
}
