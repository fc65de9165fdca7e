namespace RepoML.Onnx.Graphs;

/// <summary>A node of an ONNX graph (NodeProto) read from its wire fields: inputs, outputs, operator and attributes.</summary>
internal sealed class OnnxNode
{
    private const int InputField = 1, OutputField = 2, NameField = 3, OpTypeField = 4, AttributeField = 5, DomainField = 7;
    private const int AttributeNameField = 1, AttributeFloatField = 2, AttributeIntField = 3, AttributeTypeField = 20;

    /// <summary>Attribute field numbers (AttributeProto) and the STRINGS type (AttributeProto.AttributeType).</summary>
    private const int IntsField = 8, StringsField = 9, GraphField = 6, GraphsField = 11, FloatType = 1, StringsType = 8;

    public OnnxNode(ReadOnlyMemory<byte> bytes)
    {
        Fields = ProtoWire.Read(bytes);
        Inputs = [.. Fields.Where(f => f.Number == InputField).Select(f => f.Text)];
        Outputs = [.. Fields.Where(f => f.Number == OutputField).Select(f => f.Text)];
        OpType = Fields.LastOrDefault(f => f.Number == OpTypeField).Text;
        Domain = Fields.Any(f => f.Number == DomainField) ? Fields.Last(f => f.Number == DomainField).Text : "";
        Attributes = Fields.Where(f => f.Number == AttributeField)
            .Select(f => ProtoWire.Read(f.Bytes))
            .ToDictionary(a => a.Last(f => f.Number == AttributeNameField).Text, a => a, StringComparer.Ordinal);
    }

    private List<ProtoField> Fields { get; }

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public string OpType { get; }

    public string Domain { get; }

    /// <summary>Each attribute's own fields (AttributeProto), by name.</summary>
    public IReadOnlyDictionary<string, List<ProtoField>> Attributes { get; }

    /// <summary>Whether any attribute holds a subgraph, whose nodes may use this graph's values out of sight.</summary>
    public bool HasSubgraph => Attributes.Values.Any(a => a.Any(f => f.Number is GraphField or GraphsField));

    public bool Is(string domain, string opType) => Domain == domain && OpType == opType;

    public long? Int(string name) =>
        Attributes.TryGetValue(name, out var a) && a.Any(f => f.Number == AttributeIntField) ? unchecked((long)a.Last(f
            => f.Number == AttributeIntField).Value) : null;

    /// <summary>A FLOAT attribute's value (0 where the attribute leaves it unset, as proto3 does with a zero); null when the node has no such attribute.</summary>
    public float? Float(string name) =>
        !Attributes.TryGetValue(name, out var a) || a.LastOrDefault(f => f.Number == AttributeTypeField).Value != FloatType ? null
        : a.LastOrDefault(f => f.Number == AttributeFloatField) is { WireType: ProtoField.Fixed32 } f ? BitConverter.ToSingle(f.Bytes.Span)
        : a.Any(f => f.Number == AttributeFloatField) ? null : 0f;

    public IReadOnlyList<long> Ints(string name) =>
        Attributes.TryGetValue(name, out var a) ? [.. a.Where(f => f.Number == IntsField).SelectMany(f => f.Int64s())] : [];

    public IReadOnlyList<ReadOnlyMemory<byte>> Strings(string name) =>
        Attributes.TryGetValue(name, out var a) ? [.. a.Where(f => f.Number == StringsField).Select(f => f.Bytes)] : [];

    /// <summary>A node's wire bytes, from its fields.</summary>
    public static byte[] Write(string name, string opType, string domain, IEnumerable<string> inputs, IEnumerable<string> outputs,
        IEnumerable<byte[]> attributes) =>
        ProtoWire.Write([
            .. inputs.Select(i => ProtoField.OfText(InputField, i)),
            .. outputs.Select(o => ProtoField.OfText(OutputField, o)),
            ProtoField.OfText(NameField, name),
            ProtoField.OfText(OpTypeField, opType),
            .. attributes.Select(a => ProtoField.OfBytes(AttributeField, a)),
            ProtoField.OfText(DomainField, domain),
        ]);

    /// <summary>A STRINGS attribute's wire bytes.</summary>
    public static byte[] StringsAttribute(string name, IEnumerable<ReadOnlyMemory<byte>> values) =>
        ProtoWire.Write([
            ProtoField.OfText(AttributeNameField, name),
            .. values.Select(v => ProtoField.OfBytes(StringsField, v)),
            ProtoField.OfNumber(AttributeTypeField, StringsType),
        ]);

    /// <summary>The name this node was given in the graph ("" when it has none).</summary>
    public string Name => Fields.LastOrDefault(f => f.Number == NameField).Text;

    /// <summary>An attribute's wire bytes as read, to carry it over to a replacement node.</summary>
    public byte[] AttributeBytes(string name) => ProtoWire.Write(Attributes[name]);
}
