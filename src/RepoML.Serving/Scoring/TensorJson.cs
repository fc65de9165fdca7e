using System.Text.Json;
using RepoML.Onnx;

namespace RepoML.Serving.Scoring;

/// <summary>Writes tensor elements as JSON values; non-finite numbers become the strings "NaN", "Infinity", "-Infinity".</summary>
public static class TensorJson
{
    public static void WriteElement(Utf8JsonWriter writer, Array data, int index)
    {
        switch (data)
        {
            case float[] f: WriteDouble(writer, f[index], true); break;
            case double[] d: WriteDouble(writer, d[index], false); break;
            case long[] l: writer.WriteNumberValue(l[index]); break;
            case int[] i: writer.WriteNumberValue(i[index]); break;
            case short[] s: writer.WriteNumberValue(s[index]); break;
            case sbyte[] sb: writer.WriteNumberValue(sb[index]); break;
            case byte[] b: writer.WriteNumberValue(b[index]); break;
            case ushort[] us: writer.WriteNumberValue(us[index]); break;
            case uint[] ui: writer.WriteNumberValue(ui[index]); break;
            case ulong[] ul: writer.WriteNumberValue(ul[index]); break;
            case bool[] bo: writer.WriteBooleanValue(bo[index]); break;
            case string[] st: writer.WriteStringValue(st[index]); break;
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
