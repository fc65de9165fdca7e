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

    public static string DataTypeName(TensorDataType type) => type.ToString().ToUpperInvariant();

    public static TensorDataType? ParseDataType(string? name) =>
        name is not null && Enum.TryParse<TensorDataType>(name, ignoreCase: true, out var type) && name == DataTypeName(type) ? type : null;

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
