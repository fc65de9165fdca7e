namespace RepoML.Onnx.Graphs;

/// <summary>Reads and writes Protocol Buffers messages field by field (see <see cref="ProtoField"/>).</summary>
internal static class ProtoWire
{
    /// <exception cref="InvalidDataException">The bytes are not a well-formed message.</exception>
    public static List<ProtoField> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtoField>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = ReadVarint(span, ref at);
            var (number, wire) = ((int)(tag >> 3), (int)(tag & 7));
            switch (wire)
            {
                case ProtoField.Varint:
                    fields.Add(new ProtoField(number, wire, ReadVarint(span, ref at), default));
                    break;
                case ProtoField.Fixed64:
                case ProtoField.Fixed32:
                    var size = wire == ProtoField.Fixed64 ? 8 : 4;
                    Need(span, at, size);
                    fields.Add(new ProtoField(number, wire, 0, message.Slice(at, size)));
                    at += size;
                    break;
                case ProtoField.Delimited:
                    var length = checked((int)ReadVarint(span, ref at));
                    Need(span, at, length);
                    fields.Add(new ProtoField(number, wire, 0, message.Slice(at, length)));
                    at += length;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {wire} at byte {at}");
            }
        }

        return fields;
    }

    public static byte[] Write(IEnumerable<ProtoField> fields)
    {
        using var output = new MemoryStream();
        foreach (var field in fields)
        {
            WriteVarint(output, ((ulong)field.Number << 3) | (uint)field.WireType);
            switch (field.WireType)
            {
                case ProtoField.Varint:
                    WriteVarint(output, field.Value);
                    break;
                case ProtoField.Delimited:
                    WriteVarint(output, (ulong)field.Bytes.Length);
                    output.Write(field.Bytes.Span);
                    break;
                default:
                    output.Write(field.Bytes.Span);
                    break;
            }
        }

        return output.ToArray();
    }

    public static ulong ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            Need(span, at, 1);
            var b = span[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException($"malformed protobuf varint before byte {at}");
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    private static void Need(ReadOnlySpan<byte> span, int at, int count)
    {
        if (count < 0 || at + count > span.Length)
        {
            throw new InvalidDataException($"truncated protobuf message at byte {at}");
        }
    }
}
