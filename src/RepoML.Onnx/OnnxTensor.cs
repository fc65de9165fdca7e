namespace RepoML.Onnx;

/// <summary>
/// A named, row-major tensor in managed memory: <see cref="Data"/> is a <c>float[]</c>, <c>long[]</c>, <c>bool[]</c>,
/// <c>string[]</c> (BYTES), … matching <see cref="DataType"/>, with as many elements as the shape's product.
/// </summary>
public sealed record OnnxTensor(string Name, TensorDataType DataType, long[] Shape, Array Data)
{
    /// <summary>Elements the shape holds.</summary>
    public long ElementCount => ElementsOf(Shape);

    /// <summary>Elements a tensor of <paramref name="shape"/> holds: the product of its dimensions.</summary>
    public static long ElementsOf(long[] shape) => shape.Aggregate(1L, (n, d) => n * d);

    /// <summary>The managed element type that holds each datatype (FP16 travels as <c>float</c> and is converted at the runtime).</summary>
    public static Type ElementType(TensorDataType type) => type switch
    {
        TensorDataType.Bool => typeof(bool),
        TensorDataType.UInt8 => typeof(byte),
        TensorDataType.UInt16 => typeof(ushort),
        TensorDataType.UInt32 => typeof(uint),
        TensorDataType.UInt64 => typeof(ulong),
        TensorDataType.Int8 => typeof(sbyte),
        TensorDataType.Int16 => typeof(short),
        TensorDataType.Int32 => typeof(int),
        TensorDataType.Int64 => typeof(long),
        TensorDataType.Fp16 or TensorDataType.Fp32 => typeof(float),
        TensorDataType.Fp64 => typeof(double),
        _ => typeof(string),
    };

    /// <summary>A new array of <paramref name="length"/> elements of <see cref="ElementType"/>, without reflection (it is per request).</summary>
    public static Array NewArray(TensorDataType type, int length) => type switch
    {
        TensorDataType.Bool => new bool[length],
        TensorDataType.UInt8 => new byte[length],
        TensorDataType.UInt16 => new ushort[length],
        TensorDataType.UInt32 => new uint[length],
        TensorDataType.UInt64 => new ulong[length],
        TensorDataType.Int8 => new sbyte[length],
        TensorDataType.Int16 => new short[length],
        TensorDataType.Int32 => new int[length],
        TensorDataType.Int64 => new long[length],
        TensorDataType.Fp16 or TensorDataType.Fp32 => new float[length],
        TensorDataType.Fp64 => new double[length],
        _ => new string[length],
    };
}
