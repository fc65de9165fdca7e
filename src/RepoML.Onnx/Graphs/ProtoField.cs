using System.Text;

namespace RepoML.Onnx.Graphs;

/// <summary>
/// One field of a Protocol Buffers message as it is on the wire: a varint, a fixed 32/64-bit value or length-delimited
/// bytes (a string, packed numbers or a nested message). Enough to read and rewrite an ONNX graph without generated
/// classes: fields a rewrite does not touch are written back exactly as they were read.
/// </summary>
internal readonly record struct ProtoField(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Bytes)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int Delimited = 2;
    public const int Fixed32 = 5;

    public string Text => Encoding.UTF8.GetString(Bytes.Span);

    public static ProtoField OfText(int number, string text) => new(number, Delimited, 0, Encoding.UTF8.GetBytes(text));

    public static ProtoField OfBytes(int number, ReadOnlyMemory<byte> bytes) => new(number, Delimited, 0, bytes);

    public static ProtoField OfNumber(int number, long value) => new(number, Varint, unchecked((ulong)value), default);

    /// <summary>The repeated int64 values of this field: one varint, or a packed run of them.</summary>
    public IEnumerable<long> Int64s()
    {
        if (WireType == Varint)
        {
            return [unchecked((long)Value)];
        }

        var values = new List<long>();
        var span = Bytes.Span;
        var at = 0;
        while (at < span.Length)
        {
            values.Add(unchecked((long)ProtoWire.ReadVarint(span, ref at)));
        }

        return values;
    }
}
