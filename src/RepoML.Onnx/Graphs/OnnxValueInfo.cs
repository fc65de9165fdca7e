namespace RepoML.Onnx.Graphs;

/// <summary>
/// A graph input or output (ValueInfoProto) of tensor type, read from its wire fields: its element type (TensorProto's
/// DataType numbers: 1 float, 8 string, …; 0 when it is not a tensor) and dimensions (null where a dimension has no
/// fixed size: a named one such as the batch, one left unknown, or -1, which ML.NET writes and ONNX Runtime reads so).
/// </summary>
internal sealed record OnnxValueInfo(string Name, int ElementType, IReadOnlyList<long?> Dimensions)
{
    public const int FloatType = 1, StringType = 8;

    private const int NameField = 1, TypeField = 2, TensorTypeField = 1, ElementTypeField = 1, ShapeField = 2, DimensionField = 1;
    private const int DimensionValueField = 1, DimensionParamField = 2;

    /// <summary>Whether this is a tensor of <paramref name="elementType"/> with one value per row: shape [batch, 1].</summary>
    public bool IsColumn(int elementType) => ElementType == elementType && Dimensions is [null, 1];

    /// <summary>A ValueInfoProto's name alone, without reading its type.</summary>
    public static string ReadName(ReadOnlyMemory<byte> bytes) => ProtoWire.Read(bytes).LastOrDefault(f => f.Number == NameField).Text;

    public static OnnxValueInfo Read(ReadOnlyMemory<byte> bytes)
    {
        var fields = ProtoWire.Read(bytes);
        var name = fields.LastOrDefault(f => f.Number == NameField).Text;
        var type = fields.LastOrDefault(f => f.Number == TypeField && f.WireType == ProtoField.Delimited);
        var tensor = type.Bytes.IsEmpty ? default : ProtoWire.Read(type.Bytes).LastOrDefault(f => f.Number == TensorTypeField && f.WireType == ProtoField.Delimited);
        if (tensor.Bytes.IsEmpty)
        {
            return new OnnxValueInfo(name, 0, []);
        }

        var tensorFields = ProtoWire.Read(tensor.Bytes);
        var elementType = (int)tensorFields.LastOrDefault(f => f.Number == ElementTypeField && f.WireType == ProtoField.Varint).Value;
        var shape = tensorFields.LastOrDefault(f => f.Number == ShapeField && f.WireType == ProtoField.Delimited);
        var dimensions = ProtoWire.Read(shape.Bytes).Where(f => f.Number == DimensionField).Select(d => ProtoWire.Read(d.Bytes)
            .LastOrDefault(f => f.Number is DimensionValueField or DimensionParamField) is { Number: DimensionValueField } value && unchecked((long)value.Value) >= 0
                ? (long?)unchecked((long)value.Value) : null);
        return new OnnxValueInfo(name, elementType, [.. dimensions]);
    }

    /// <summary>A ValueInfoProto's wire bytes; a null dimension is written as the named dimension <paramref name="batch"/>.</summary>
    public byte[] Write(string batch)
    {
        var dimensions = Dimensions.Select(d => ProtoField.OfBytes(DimensionField, ProtoWire.Write(
            [d is { } size ? ProtoField.OfNumber(DimensionValueField, size) : ProtoField.OfText(DimensionParamField, batch)])));
        var tensor = ProtoWire.Write([ProtoField.OfNumber(ElementTypeField, ElementType), ProtoField.OfBytes(ShapeField, ProtoWire.Write(dimensions))]);
        var type = ProtoWire.Write([ProtoField.OfBytes(TensorTypeField, tensor)]);
        return ProtoWire.Write([ProtoField.OfText(NameField, Name), ProtoField.OfBytes(TypeField, type)]);
    }
}
