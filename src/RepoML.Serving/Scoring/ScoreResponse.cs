namespace RepoML.Serving.Scoring;

/// <summary>The <c>/score</c> answer: one JSON object per input row, output name → value (an array when an output is wider than one).</summary>
public static class ScoreResponse
{
    public static byte[] Write(TableResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var r = result.Offset; r < result.Offset + result.Rows; r++)
            {
                writer.WriteStartObject();
                foreach (var output in result.Outputs)
                {
                    writer.WritePropertyName(output.Name);
                    var rows = output.Shape.Length == 0 ? 1 : output.Shape[0];
                    var width = rows == 0 ? 0 : (int)(output.Data.Length / rows);
                    if (width == 1)
                    {
                        TensorJson.WriteElement(writer, output.Data, r);
                        continue;
                    }

                    writer.WriteStartArray();
                    for (var c = 0; c < width; c++)
                    {
                        TensorJson.WriteElement(writer, output.Data, (r * width) + c);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
