namespace RepoML.Serving.Scoring;

/// <summary>
/// Converts one JSON value into a typed tensor slot. When it does not fit, <see cref="CellValueException"/> says why and
/// the caller, which knows where the cell is, names the field: formatting every cell's field name up front would cost
/// more than converting the cell.
/// </summary>
public static class CellWriter
{
    /// <exception cref="CellValueException">The value does not fit the input's element type.</exception>
    public static void Write(Array target, int index, JsonElement cell, TableInput input)
    {
        // By the input's declared type (the target is made from it), not the array's: the CLR lets byte[] pass as sbyte[],
        // long[] as ulong[] and so on; and no reflection per cell.
        switch (input.DataType)
        {
            case TensorDataType.Fp32 or TensorDataType.Fp16: ((float[])target)[index] = (float)Number(cell); break;
            case TensorDataType.Fp64: ((double[])target)[index] = Number(cell); break;
            case TensorDataType.Bytes: ((string[])target)[index] = Text(cell); break;
            case TensorDataType.Bool: ((bool[])target)[index] = Boolean(cell); break;
            case TensorDataType.Int64: ((long[])target)[index] = Integer(cell, long.MinValue, long.MaxValue); break;
            case TensorDataType.Int32: ((int[])target)[index] = (int)Integer(cell, int.MinValue, int.MaxValue); break;
            case TensorDataType.Int16: ((short[])target)[index] = (short)Integer(cell, short.MinValue, short.MaxValue); break;
            case TensorDataType.Int8: ((sbyte[])target)[index] = (sbyte)Integer(cell, sbyte.MinValue, sbyte.MaxValue); break;
            case TensorDataType.UInt8: ((byte[])target)[index] = (byte)Integer(cell, byte.MinValue, byte.MaxValue); break;
            case TensorDataType.UInt16: ((ushort[])target)[index] = (ushort)Integer(cell, ushort.MinValue, ushort.MaxValue); break;
            case TensorDataType.UInt32: ((uint[])target)[index] = (uint)Integer(cell, uint.MinValue, uint.MaxValue); break;
            case TensorDataType.UInt64: ((ulong[])target)[index] = cell.ValueKind == JsonValueKind.Number && cell.TryGetUInt64(out var u) ? u
                : throw Bad(cell, "an unsigned integer"); break;
            default: throw new CellValueException($"input '{input.Name}' has an unsupported element type");
        }
    }

    /// <summary>A number; null is a missing value (NaN); numeric strings and "NaN"/"Infinity" are accepted as pandas does.</summary>
    private static double Number(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Number => cell.GetDouble(),
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String when double.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Bad(cell, "a number"),
    };

    private static long Integer(JsonElement cell, long min, long max) =>
        cell.ValueKind == JsonValueKind.Number && cell.TryGetInt64(out var value) && value >= min && value <= max ? value
        : cell.ValueKind == JsonValueKind.True ? 1
        : cell.ValueKind == JsonValueKind.False ? 0
        : throw Bad(cell, $"an integer in [{min}, {max}]");

    private static bool Boolean(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when cell.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
        _ => throw Bad(cell, "a boolean"),
    };

    // Categorical columns sometimes arrive as numbers (codes); their JSON text is the category.
    private static string Text(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => cell.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => cell.GetRawText(),
        JsonValueKind.Null => "",
        _ => throw Bad(cell, "a string"),
    };

    private static CellValueException Bad(JsonElement cell, string expected)
    {
        var shown = cell.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? TableRequestParser.Kind(cell) : Truncate(cell.GetRawText());
        return new CellValueException($"expected {expected}, got {shown}");
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
