using System.Buffers.Binary;

namespace RepoML.Serving.Tests.Conformance;

/// <summary>
/// A minimal reader of ONNX <c>TensorProto</c> messages (protobuf wire format): dims (1), data_type (2), float_data (4),
/// int32_data (5), string_data (6), int64_data (7), name (8), raw_data (9), double_data (10), uint64_data (11).
/// Other fields are skipped. Unsupported element types (complex, bfloat16, …) throw <see cref="NotSupportedException"/>.
/// </summary>
internal static class TensorProtoReader
{
    public static TensorProto Read(byte[] bytes)
    {
        var dims = new List<long>();
        var type = 0;
        var name = "";
        byte[]? raw = null;
        var floats = new List<float>();
        var doubles = new List<double>();
        var varints = new List<ulong>();
        var strings = new List<string>();
        var position = 0;
        while (position < bytes.Length)
        {
            var key = Varint(bytes, ref position);
            var field = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (field, wire)
            {
                case (1, 0): dims.Add((long)Varint(bytes, ref position)); break;
                case (1, 2): foreach (var v in PackedVarints(bytes, ref position)) { dims.Add((long)v); } break;
                case (2, 0): type = (int)Varint(bytes, ref position); break;
                case (4, 2): foreach (var chunk in Chunk(Bytes(bytes, ref position),
                    4)) { floats.Add(BinaryPrimitives.ReadSingleLittleEndian(chunk)); } break;
                case (4, 5): floats.Add(BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(position, 4))); position += 4; break;
                case (5 or 7 or 11, 0): varints.Add(Varint(bytes, ref position)); break;
                case (5 or 7 or 11, 2): varints.AddRange(PackedVarints(bytes, ref position)); break;
                case (6, 2): strings.Add(Encoding.UTF8.GetString(Bytes(bytes, ref position))); break;
                case (8, 2): name = Encoding.UTF8.GetString(Bytes(bytes, ref position)); break;
                case (9, 2): raw = Bytes(bytes, ref position).ToArray(); break;
                case (10, 2): foreach (var chunk in Chunk(Bytes(bytes, ref position),
                    8)) { doubles.Add(BinaryPrimitives.ReadDoubleLittleEndian(chunk)); } break;
                case (10, 1): doubles.Add(BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(position, 8))); position += 8; break;
                default: Skip(bytes, ref position, wire); break;
            }
        }

        var dataType = DataType(type);
        var count = (int)dims.Aggregate(1L, (a, b) => a * b);
        Array data = raw is not null ? FromRaw(raw, dataType, count)
            : dataType switch
            {
                TensorDataType.Fp32 => floats.ToArray(),
                TensorDataType.Fp64 => doubles.ToArray(),
                TensorDataType.Bytes => strings.ToArray(),
                TensorDataType.Fp16 => varints.Select(v => (float)BitConverter.UInt16BitsToHalf((ushort)v)).ToArray(),
                _ => FromVarints(varints, dataType),
            };
        return new TensorProto(name, dataType, [.. dims], data);
    }

    public static TensorDataType DataType(int onnxType) => onnxType switch
    {
        1 => TensorDataType.Fp32,
        2 => TensorDataType.UInt8,
        3 => TensorDataType.Int8,
        4 => TensorDataType.UInt16,
        5 => TensorDataType.Int16,
        6 => TensorDataType.Int32,
        7 => TensorDataType.Int64,
        8 => TensorDataType.Bytes,
        9 => TensorDataType.Bool,
        10 => TensorDataType.Fp16,
        11 => TensorDataType.Fp64,
        12 => TensorDataType.UInt32,
        13 => TensorDataType.UInt64,
        _ => throw new NotSupportedException($"TensorProto data_type {onnxType}"),
    };

    private static Array FromRaw(byte[] raw, TensorDataType type, int count)
    {
        var span = raw.AsSpan();
        return type switch
        {
            TensorDataType.Fp32 => Map(count, i => BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * 4))),
            TensorDataType.Fp64 => Map(count, i => BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(i * 8))),
            TensorDataType.Fp16 => Map(count, i => (float)BinaryPrimitives.ReadHalfLittleEndian(raw.AsSpan(i * 2))),
            TensorDataType.Int64 => Map(count, i => BinaryPrimitives.ReadInt64LittleEndian(raw.AsSpan(i * 8))),
            TensorDataType.UInt64 => Map(count, i => BinaryPrimitives.ReadUInt64LittleEndian(raw.AsSpan(i * 8))),
            TensorDataType.Int32 => Map(count, i => BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(i * 4))),
            TensorDataType.UInt32 => Map(count, i => BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(i * 4))),
            TensorDataType.Int16 => Map(count, i => BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan(i * 2))),
            TensorDataType.UInt16 => Map(count, i => BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(i * 2))),
            TensorDataType.Int8 => Map(count, i => (sbyte)raw[i]),
            TensorDataType.UInt8 => span[..count].ToArray(),
            TensorDataType.Bool => Map(count, i => raw[i] != 0),
            _ => throw new NotSupportedException($"raw_data for {type}"),
        };
    }

    // int32_data carries every type of 32 bits or less; int64_data and uint64_data their own.
    private static Array FromVarints(List<ulong> values, TensorDataType type) => type switch
    {
        TensorDataType.Int64 => values.Select(v => (long)v).ToArray(),
        TensorDataType.UInt64 => values.ToArray(),
        TensorDataType.Int32 => values.Select(v => (int)(long)v).ToArray(),
        TensorDataType.UInt32 => values.Select(v => (uint)v).ToArray(),
        TensorDataType.Int16 => values.Select(v => (short)(long)v).ToArray(),
        TensorDataType.UInt16 => values.Select(v => (ushort)v).ToArray(),
        TensorDataType.Int8 => values.Select(v => (sbyte)(long)v).ToArray(),
        TensorDataType.UInt8 => values.Select(v => (byte)v).ToArray(),
        TensorDataType.Bool => values.Select(v => v != 0).ToArray(),
        _ => throw new NotSupportedException($"varint data for {type}"),
    };

    private static T[] Map<T>(int count, Func<int, T> read)
    {
        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = read(i);
        }

        return result;
    }

    private static ulong Varint(byte[] bytes, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("varint longer than 10 bytes");
    }

    private static ReadOnlySpan<byte> Bytes(byte[] bytes, ref int position)
    {
        var length = (int)Varint(bytes, ref position);
        var span = bytes.AsSpan(position, length);
        position += length;
        return span;
    }

    private static List<ulong> PackedVarints(byte[] bytes, ref int position)
    {
        var length = (int)Varint(bytes, ref position);
        var end = position + length;
        var values = new List<ulong>();
        while (position < end)
        {
            values.Add(Varint(bytes, ref position));
        }

        return values;
    }

    private static List<byte[]> Chunk(ReadOnlySpan<byte> span, int size)
    {
        var chunks = new List<byte[]>(span.Length / size);
        for (var i = 0; i + size <= span.Length; i += size)
        {
            chunks.Add(span.Slice(i, size).ToArray());
        }

        return chunks;
    }

    private static void Skip(byte[] bytes, ref int position, int wire)
    {
        switch (wire)
        {
            case 0: Varint(bytes, ref position); break;
            case 1: position += 8; break;
            case 2: position += (int)Varint(bytes, ref position); break;
            case 5: position += 4; break;
            default: throw new FormatException($"unsupported wire type {wire}");
        }
    }
}
