namespace RepoML.Serving.Scoring;

/// <summary>The v2 inference response: <c>{"model_name", "model_version", "id"?, "outputs": [{"name", "datatype", "shape", "data"}]}</c>,
/// data flat and row-major.</summary>
public static class InferenceResponse
{
    public static byte[] Write(string modelName, string version, string? id, IReadOnlyList<OnnxTensor> outputs)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model_name", modelName);
            writer.WriteString("model_version", version);
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteStartArray("outputs");
            foreach (var output in outputs)
            {
                WriteTensor(writer, output);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One tensor as the v2 protocol writes it in JSON: <c>{"name", "datatype", "shape", "data"}</c>, data flat and row-major.</summary>
    public static void WriteTensor(Utf8JsonWriter writer, OnnxTensor tensor)
    {
        writer.WriteStartObject();
        writer.WriteString("name", tensor.Name);
        writer.WriteString("datatype", TensorJson.DataTypeName(tensor.DataType));
        writer.WriteStartArray("shape");
        foreach (var dim in tensor.Shape)
        {
            writer.WriteNumberValue(dim);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        for (var i = 0; i < tensor.Data.Length; i++)
        {
            TensorJson.WriteElement(writer, tensor.Data, i);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
