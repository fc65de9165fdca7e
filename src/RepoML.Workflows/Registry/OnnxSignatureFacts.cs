using RepoML.Onnx;

namespace RepoML.Workflows.Registry;

/// <summary>
/// The interface of a registered ONNX model, as properties <c>onnx.inputs</c> and <c>onnx.outputs</c> (shown by
/// <c>models show</c> and recorded in Git): each value "NAME DATATYPE[shape]" in the Open Inference Protocol's datatypes
/// (-1 for a dynamic dimension), or "NAME sequence" and the like for what no protocol carries, separated by "; ", as the
/// scoring server serves the model. A team that registers a model trained elsewhere learns from it what to send. Content
/// that is not one ONNX model ONNX Runtime loads here gets no such properties: the registration does not need them.
/// </summary>
public static class OnnxSignatureFacts
{
    public const string InputsProperty = "onnx.inputs";
    public const string OutputsProperty = "onnx.outputs";

    // Loading is for a signature only: a model larger than this is left alone rather than slow the registration down.
    private const long MaxBytes = 256L << 20;

    /// <param name="properties">The registration's properties; one the author set is never replaced.</param>
    /// <param name="path">The registered file or folder (its model.onnx, or its only .onnx file); null when the content is not local files.</param>
    public static void Add(IDictionary<string, string> properties, string? path)
    {
        if (Model(path) is not { } model || new FileInfo(model).Length > MaxBytes)
        {
            return;
        }

        try
        {
            using var session = OnnxServingSession.Load(model);
            properties.TryAdd(InputsProperty, Describe(session.Inputs));
            properties.TryAdd(OutputsProperty, Describe(session.Outputs));
        }
        catch (Exception ex) when (ex is ScoringInputException or IOException or UnauthorizedAccessException)
        {
            // Not a model ONNX Runtime loads here: serving it says why, naming its deployment.
        }
    }

    private static string? Model(string? path) =>
        path is null ? null
        : File.Exists(path) ? (path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) ? path : null)
        : !Directory.Exists(path) ? null
        : File.Exists(Path.Combine(path, "model.onnx")) ? Path.Combine(path, "model.onnx")
        : Directory.GetFiles(path, "*.onnx") is [var only] ? only : null;

    private static string Describe(IEnumerable<OnnxTensorInfo> values) => string.Join("; ", values.Select(v => v.DataType is { } type
        ? $"{v.Name} {type.ToString().ToUpperInvariant()}[{string.Join(',', v.Shape)}]"
        : $"{v.Name} {v.Kind}"));
}
