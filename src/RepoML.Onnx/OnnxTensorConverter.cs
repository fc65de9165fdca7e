namespace RepoML.Onnx;

/// <summary>Moves <see cref="OnnxTensor"/>s into and out of ONNX Runtime values; numeric arrays are pinned, not copied, on the way in.</summary>
internal static class OnnxTensorConverter
{
    public static TensorDataType? ToDataType(TensorElementType type) => type switch
    {
        TensorElementType.Bool => TensorDataType.Bool,
        TensorElementType.UInt8 => TensorDataType.UInt8,
        TensorElementType.UInt16 => TensorDataType.UInt16,
        TensorElementType.UInt32 => TensorDataType.UInt32,
        TensorElementType.UInt64 => TensorDataType.UInt64,
        TensorElementType.Int8 => TensorDataType.Int8,
        TensorElementType.Int16 => TensorDataType.Int16,
        TensorElementType.Int32 => TensorDataType.Int32,
        TensorElementType.Int64 => TensorDataType.Int64,
        TensorElementType.Float16 => TensorDataType.Fp16,
        TensorElementType.Float => TensorDataType.Fp32,
        TensorElementType.Double => TensorDataType.Fp64,
        TensorElementType.String => TensorDataType.Bytes,
        _ => null,
    };

    public static OrtValue ToOrtValue(OnnxTensor tensor)
    {
        var shape = tensor.Shape;
        switch (tensor.Data)
        {
            case string[] strings:
                var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
                for (var i = 0; i < strings.Length; i++)
                {
                    value.StringTensorSetElementAt(strings[i].AsSpan(), i);
                }

                return value;
        }

        if (tensor.DataType == TensorDataType.Bytes)
        {
            throw new ArgumentException($"input '{tensor.Name}': unsupported data {tensor.Data.GetType().Name}", nameof(tensor));
        }

        return tensor.DataType == TensorDataType.Fp16
            ? Wrap(TensorDataType.Fp16, Array.ConvertAll((float[])tensor.Data, f => (Float16)f), shape)
            : Wrap(tensor.DataType, tensor.Data, shape);
    }

    /// <summary>
    /// An OrtValue over <paramref name="data"/>, pinned for the value's lifetime (not copied): writes to the array
    /// before a run are what the run reads. FP16 data must already be <see cref="Float16"/>.
    /// </summary>
    public static OrtValue Wrap(TensorDataType type, Array data, long[] shape)
    {
        // Switch on the declared type, not the array's: the CLR lets byte[] pass as sbyte[] (and uint[] as int[], …).
        switch (type)
        {
            case TensorDataType.Fp16: return OrtValue.CreateTensorValueFromMemory((Float16[])data, shape);
            case TensorDataType.Fp32: return OrtValue.CreateTensorValueFromMemory((float[])data, shape);
            case TensorDataType.Fp64: return OrtValue.CreateTensorValueFromMemory((double[])data, shape);
            case TensorDataType.Int64: return OrtValue.CreateTensorValueFromMemory((long[])data, shape);
            case TensorDataType.Int32: return OrtValue.CreateTensorValueFromMemory((int[])data, shape);
            case TensorDataType.Int16: return OrtValue.CreateTensorValueFromMemory((short[])data, shape);
            case TensorDataType.Int8: return OrtValue.CreateTensorValueFromMemory((sbyte[])data, shape);
            case TensorDataType.UInt8: return OrtValue.CreateTensorValueFromMemory((byte[])data, shape);
            case TensorDataType.UInt16: return OrtValue.CreateTensorValueFromMemory((ushort[])data, shape);
            case TensorDataType.UInt32: return OrtValue.CreateTensorValueFromMemory((uint[])data, shape);
            case TensorDataType.UInt64: return OrtValue.CreateTensorValueFromMemory((ulong[])data, shape);
            case TensorDataType.Bool: return OrtValue.CreateTensorValueFromMemory((bool[])data, shape);
            default: throw new ArgumentException($"unsupported data {data.GetType().Name} for {type}", nameof(data));
        }
    }

    public static OnnxTensor FromOrtValue(string name, OrtValue value)
    {
        if (value.OnnxType != OnnxValueType.ONNX_TYPE_TENSOR)
        {
            throw new NotSupportedException($"output '{name}' is a {value.OnnxType}, not a tensor");
        }

        var info = value.GetTensorTypeAndShape();
        var type = ToDataType(info.ElementDataType) ?? throw new NotSupportedException($"output '{name}' has element type {info.ElementDataType}");
        var shape = info.Shape;
        Array data = type switch
        {
            TensorDataType.Bytes => Strings(value, checked((int)info.ElementCount)),
            TensorDataType.Fp16 => Array.ConvertAll(value.GetTensorDataAsSpan<Float16>().ToArray(), h => (float)h),
            TensorDataType.Fp32 => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorDataType.Fp64 => value.GetTensorDataAsSpan<double>().ToArray(),
            TensorDataType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorDataType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            TensorDataType.Int16 => value.GetTensorDataAsSpan<short>().ToArray(),
            TensorDataType.Int8 => value.GetTensorDataAsSpan<sbyte>().ToArray(),
            TensorDataType.UInt8 => value.GetTensorDataAsSpan<byte>().ToArray(),
            TensorDataType.UInt16 => value.GetTensorDataAsSpan<ushort>().ToArray(),
            TensorDataType.UInt32 => value.GetTensorDataAsSpan<uint>().ToArray(),
            TensorDataType.UInt64 => value.GetTensorDataAsSpan<ulong>().ToArray(),
            _ => value.GetTensorDataAsSpan<bool>().ToArray(),
        };
        return new OnnxTensor(name, type, shape, data);
    }

    private static string[] Strings(OrtValue value, int count)
    {
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = value.GetStringElement(i);
        }

        return result;
    }

    /// <summary>
    /// A numeric input's buffer (FP16 as <see cref="Float16"/>, which ONNX Runtime reads as it is). A pinned one is on
    /// the pinned object heap: it stays pinned as long as the values are kept, and pinned arrays in the ordinary heap
    /// would stop the garbage collector from compacting around them.
    /// </summary>
    public static Array Buffer(TensorDataType type, int count, bool pinned) => type switch
    {
        TensorDataType.Bool => GC.AllocateArray<bool>(count, pinned),
        TensorDataType.UInt8 => GC.AllocateArray<byte>(count, pinned),
        TensorDataType.UInt16 => GC.AllocateArray<ushort>(count, pinned),
        TensorDataType.UInt32 => GC.AllocateArray<uint>(count, pinned),
        TensorDataType.UInt64 => GC.AllocateArray<ulong>(count, pinned),
        TensorDataType.Int8 => GC.AllocateArray<sbyte>(count, pinned),
        TensorDataType.Int16 => GC.AllocateArray<short>(count, pinned),
        TensorDataType.Int32 => GC.AllocateArray<int>(count, pinned),
        TensorDataType.Int64 => GC.AllocateArray<long>(count, pinned),
        TensorDataType.Fp16 => GC.AllocateArray<Float16>(count, pinned),
        TensorDataType.Fp32 => GC.AllocateArray<float>(count, pinned),
        TensorDataType.Fp64 => GC.AllocateArray<double>(count, pinned),
        _ => throw new ArgumentException($"{type} has no numeric buffer", nameof(type)),
    };
}
