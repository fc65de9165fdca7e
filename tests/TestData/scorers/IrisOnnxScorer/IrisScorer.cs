using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace IrisOnnxScorer;

/// <summary>
/// A custom scorer as a user writes one: loads the iris model into ONNX Runtime in Init and answers
/// {"data": [[sepal_length, sepal_width, petal_length, petal_width], …]} (or the same rows as "input_data") with
/// {"predictions": ["setosa", …]}.
/// </summary>
public sealed class IrisScorer : IDisposable
{
    private InferenceSession? session;

    public void Init(string modelDirectory)
    {
        var named = Path.Combine(modelDirectory, "model.onnx");
        session = new InferenceSession(File.Exists(named) ? named : Directory.GetFiles(modelDirectory, "*.onnx").Single());
    }

    public string Run(string rawData)
    {
        var model = session ?? throw new InvalidOperationException("Init was not called");
        using var document = JsonDocument.Parse(rawData);
        // Either of Azure ML's /score bodies: {"data": […]} or {"input_data": {"columns", "index", "data"}} (as batch jobs send).
        var root = document.RootElement;
        var data = root.TryGetProperty("input_data", out var table) ? table.GetProperty("data") : root.GetProperty("data");
        var rows = data.EnumerateArray()
            .Select(row => row.EnumerateArray().Take(model.InputNames.Count).Select(cell => cell.GetSingle()).ToArray())
            .ToArray();

        // One [rows, 1] tensor per model input, in the model's input order.
        var values = model.InputNames.Select((_, i) => OrtValue.CreateTensorValueFromMemory(rows.Select(r => r[i]).ToArray(), [rows.Length,
            1])).ToArray();
        try
        {
            using var options = new RunOptions();
            using var results = model.Run(options, model.InputNames, values, ["PredictedLabel.output"]);
            return Write(results[0].GetStringTensorAsArray());
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose() => session?.Dispose();

    private static string Write(IEnumerable<string> labels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("predictions");
            foreach (var label in labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
