namespace RepoML.Training;

/// <summary>Reads and writes a model folder: model.onnx, model-info.json and metrics.json.</summary>
public static class ModelFiles
{
    public const string ModelFileName = "model.onnx";

    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string folder, TrainedModel model, MetricsDocument metrics)
    {
        Directory.CreateDirectory(folder);
        var paths = new[] { ModelFileName, MetricsDocument.FileName, ModelInfo.FileName }.Select(f => Path.Combine(folder, f)).ToArray();
        File.WriteAllBytes(paths[0], model.Onnx);
        File.WriteAllText(paths[1], metrics.ToJson());
        File.WriteAllText(paths[2], JsonSerializer.Serialize(model.Info, TrainingJson.Options) + "\n");
        return paths;
    }

    /// <summary>Resolves a model path that is either an .onnx file or a folder holding model.onnx.</summary>
    /// <returns>The .onnx path and the model-info.json beside it, if any.</returns>
    public static (string OnnxPath, ModelInfo? Info) Resolve(string path)
    {
        var onnx = Directory.Exists(path) ? Path.Combine(path, ModelFileName) : path;
        if (!File.Exists(onnx))
        {
            throw new TrainingDataException(Directory.Exists(path) ? $"{path}: the folder has no {ModelFileName}" : $"{path}: file not found");
        }

        var infoPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(onnx))!, ModelInfo.FileName);
        if (!File.Exists(infoPath))
        {
            return (onnx, null);
        }

        try
        {
            return (onnx, JsonSerializer.Deserialize<ModelInfo>(File.ReadAllText(infoPath), TrainingJson.Options));
        }
        catch (JsonException ex)
        {
            throw new TrainingDataException($"{infoPath}: not a valid model-info.json: {ex.Message}");
        }
    }
}
