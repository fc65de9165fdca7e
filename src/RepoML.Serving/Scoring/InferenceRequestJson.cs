using System.Buffers;
using System.Text.Json;
using RepoML.Onnx;

namespace RepoML.Serving.Scoring;

/// <summary>
/// A v2 inference request written as its JSON form, <c>{"id"?, "inputs": [{"name", "datatype", "shape", "data"}]}</c>:
/// what data collection records of a request that did not arrive as JSON (gRPC), so collected inputs read the same
/// whichever protocol carried them.
/// </summary>
public static class InferenceRequestJson
{
    public static byte[] Write(string? id, IReadOnlyList<OnnxTensor> inputs)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (!string.IsNullOrEmpty(id))
            {
                writer.WriteString("id", id);
            }

            writer.WriteStartArray("inputs");
            foreach (var input in inputs)
            {
                InferenceResponse.WriteTensor(writer, input);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
