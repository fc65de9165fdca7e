using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf;
using RepoML.Onnx;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Grpc;

/// <summary>
/// The protocol's raw tensor bytes: elements flat, row-major and little-endian with no padding (BOOL one byte each, FP16
/// two); a BYTES element is a 4-byte little-endian length and then that many bytes. .NET runs little-endian on every
/// platform this server ships for, so numbers are copied as they are.
/// </summary>
public static class RawTensorContents
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The elements of <paramref name="count"/> values of <paramref name="type"/>, in the managed array type <see cref="OnnxTensor"/> uses.</summary>
    /// <exception cref="RequestShapeException">The bytes are not exactly that many elements.</exception>
    public static Array Read(ReadOnlySpan<byte> bytes, TensorDataType type, int count, string field)
    {
        if (type == TensorDataType.Bytes)
        {
            return ReadStrings(bytes, count, field);
        }

        var size = ElementSize(type);
        if ((long)count * size != bytes.Length)
        {
            throw new RequestShapeException(field, $"has {bytes.Length} bytes; {count} {TensorJson.DataTypeName(type)} elements are {(long)count * size}");
        }

        return type switch
        {
            TensorDataType.Fp32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            TensorDataType.Fp64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            TensorDataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            TensorDataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
            TensorDataType.Int16 => MemoryMarshal.Cast<byte, short>(bytes).ToArray(),
            TensorDataType.Int8 => MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(),
            TensorDataType.UInt64 => MemoryMarshal.Cast<byte, ulong>(bytes).ToArray(),
            TensorDataType.UInt32 => MemoryMarshal.Cast<byte, uint>(bytes).ToArray(),
            TensorDataType.UInt16 => MemoryMarshal.Cast<byte, ushort>(bytes).ToArray(),
            TensorDataType.UInt8 => bytes.ToArray(),
            TensorDataType.Bool => Booleans(bytes),
            TensorDataType.Fp16 => Halves(bytes),
            _ => throw new RequestShapeException(field, $"{TensorJson.DataTypeName(type)} is not supported"),
        };
    }

    /// <summary>A tensor's elements as raw bytes.</summary>
    public static ByteString Write(OnnxTensor tensor) => tensor.DataType switch
    {
        TensorDataType.Bytes => WriteStrings((string[])tensor.Data),
        TensorDataType.Fp16 => WriteHalves((float[])tensor.Data),
        TensorDataType.Bool => UnsafeByteOperations.UnsafeWrap(((bool[])tensor.Data).Select(b => b ? (byte)1 : (byte)0).ToArray()),
        _ => ByteString.CopyFrom(AsBytes(tensor)),
    };

    /// <summary>UTF-8 text of a BYTES element; the model's string tensors hold text.</summary>
    /// <exception cref="RequestShapeException">Not valid UTF-8.</exception>
    public static string Utf8(ReadOnlySpan<byte> bytes, string field)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RequestShapeException(field, "is not valid UTF-8 text");
        }
    }

    /// <summary>UTF-8 text of element <paramref name="element"/> of input <paramref name="input"/>'s typed <c>bytes_contents</c>.</summary>
    /// <exception cref="RequestShapeException">Not valid UTF-8.</exception>
    public static string Utf8(ReadOnlySpan<byte> bytes, int input, int element)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RequestShapeException($"{InferenceInputs.Field(input, "contents.bytes_contents")}[{element}]", "is not valid UTF-8 text");
        }
    }

    private static int ElementSize(TensorDataType type) => type switch
    {
        TensorDataType.Bool or TensorDataType.UInt8 or TensorDataType.Int8 => 1,
        TensorDataType.UInt16 or TensorDataType.Int16 or TensorDataType.Fp16 => 2,
        TensorDataType.UInt32 or TensorDataType.Int32 or TensorDataType.Fp32 => 4,
        _ => 8,
    };

    // By the declared type, not the array's: the CLR lets long[] pass as ulong[] and so on.
    private static ReadOnlySpan<byte> AsBytes(OnnxTensor tensor) => tensor.DataType switch
    {
        TensorDataType.Fp32 => MemoryMarshal.AsBytes(((float[])tensor.Data).AsSpan()),
        TensorDataType.Fp64 => MemoryMarshal.AsBytes(((double[])tensor.Data).AsSpan()),
        TensorDataType.Int64 => MemoryMarshal.AsBytes(((long[])tensor.Data).AsSpan()),
        TensorDataType.Int32 => MemoryMarshal.AsBytes(((int[])tensor.Data).AsSpan()),
        TensorDataType.Int16 => MemoryMarshal.AsBytes(((short[])tensor.Data).AsSpan()),
        TensorDataType.Int8 => MemoryMarshal.AsBytes(((sbyte[])tensor.Data).AsSpan()),
        TensorDataType.UInt64 => MemoryMarshal.AsBytes(((ulong[])tensor.Data).AsSpan()),
        TensorDataType.UInt32 => MemoryMarshal.AsBytes(((uint[])tensor.Data).AsSpan()),
        TensorDataType.UInt16 => MemoryMarshal.AsBytes(((ushort[])tensor.Data).AsSpan()),
        TensorDataType.UInt8 => (byte[])tensor.Data,
        _ => throw new NotSupportedException($"tensor '{tensor.Name}' is {tensor.DataType}"),
    };

    private static bool[] Booleans(ReadOnlySpan<byte> bytes)
    {
        var result = new bool[bytes.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = bytes[i] != 0;
        }

        return result;
    }

    private static float[] Halves(ReadOnlySpan<byte> bytes)
    {
        var result = new float[bytes.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]);
        }

        return result;
    }

    private static ByteString WriteHalves(float[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2 * i), (Half)values[i]);
        }

        return UnsafeByteOperations.UnsafeWrap(bytes);
    }

    private static string[] ReadStrings(ReadOnlySpan<byte> bytes, int count, string field)
    {
        // Each element takes at least its 4-byte length: the shape's count is checked against the bytes before it is allocated.
        if (count > bytes.Length / 4)
        {
            throw new RequestShapeException(field, $"has {bytes.Length} bytes, too few for the {count} BYTES elements its shape gives (4 or more each)");
        }

        var result = new string[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            if (bytes.Length - position < 4)
            {
                throw new RequestShapeException(field, $"ends inside BYTES element {i}'s length; {count} elements expected");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]);
            position += 4;
            if (length > (uint)(bytes.Length - position))
            {
                throw new RequestShapeException(field, $"BYTES element {i} says {length} bytes; {bytes.Length - position} remain");
            }

            result[i] = Utf8(bytes.Slice(position, (int)length), $"{field}[{i}]");
            position += (int)length;
        }

        return position == bytes.Length ? result
            : throw new RequestShapeException(field, $"has {bytes.Length - position} bytes after its {count} BYTES elements");
    }

    private static ByteString WriteStrings(string[] values)
    {
        var bytes = new byte[values.Sum(v => 4 + Encoding.UTF8.GetByteCount(v))];
        var position = 0;
        foreach (var value in values)
        {
            var length = Encoding.UTF8.GetBytes(value, bytes.AsSpan(position + 4));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(position), (uint)length);
            position += 4 + length;
        }

        return UnsafeByteOperations.UnsafeWrap(bytes);
    }
}
