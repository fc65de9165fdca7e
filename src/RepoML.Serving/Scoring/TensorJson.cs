namespace RepoML.Serving.Scoring;

/// <summary>Writes tensor elements as JSON values; non-finite numbers become the strings "NaN", "Infinity", "-Infinity".</summary>
public static class TensorJson
{
    public static void WriteElement(Utf8JsonWriter writer, Array data, int index)
    {
        // By element type, not array pattern: the CLR lets byte[] pass as sbyte[], long[] as ulong[] and so on.
        switch (Type.GetTypeCode(data.GetType().GetElementType()))
        {
            case TypeCode.Single: WriteDouble(writer, ((float[])data)[index], true); break;
            case TypeCode.Double: WriteDouble(writer, ((double[])data)[index], false); break;
            case TypeCode.Int64: writer.WriteNumberValue(((long[])data)[index]); break;
            case TypeCode.Int32: writer.WriteNumberValue(((int[])data)[index]); break;
            case TypeCode.Int16: writer.WriteNumberValue(((short[])data)[index]); break;
            case TypeCode.SByte: writer.WriteNumberValue(((sbyte[])data)[index]); break;
            case TypeCode.Byte: writer.WriteNumberValue(((byte[])data)[index]); break;
            case TypeCode.UInt16: writer.WriteNumberValue(((ushort[])data)[index]); break;
            case TypeCode.UInt32: writer.WriteNumberValue(((uint[])data)[index]); break;
            case TypeCode.UInt64: writer.WriteNumberValue(((ulong[])data)[index]); break;
            case TypeCode.Boolean: writer.WriteBooleanValue(((bool[])data)[index]); break;
            case TypeCode.String: writer.WriteStringValue(((string[])data)[index]); break;
            default: throw new NotSupportedException(data.GetType().Name);
        }
    }

    // Named once: these are looked up for every tensor of every v2 request and answer.
    private static readonly string[] Names = [.. Enum.GetValues<TensorDataType>().Select(t => t.ToString().ToUpperInvariant())];

    public static string DataTypeName(TensorDataType type) => Names[(int)type];

    /// <summary>The type the protocol names <paramref name="name"/> (exactly, upper case), or null.</summary>
    public static TensorDataType? ParseDataType(string? name)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        return index < 0 ? null : (TensorDataType)index;
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value, bool single)
    {
        if (double.IsFinite(value))
        {
            if (single)
            {
                writer.WriteNumberValue((float)value);
            }
            else
            {
                writer.WriteNumberValue(value);
            }
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
