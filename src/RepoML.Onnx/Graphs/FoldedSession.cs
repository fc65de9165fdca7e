using Microsoft.ML.OnnxRuntime;

namespace RepoML.Onnx.Graphs;

/// <summary>
/// Opens ONNX Runtime sessions on models with their ML.NET text encoder chains folded (<see cref="CategoricalEncoderFolding"/>),
/// so every scorer runs the graph a packaged image runs. A model that folding leaves alone is opened from its path,
/// which also finds external weight files beside it; models over 256 MiB are opened as they are, unread.
/// </summary>
public static class FoldedSession
{
    private const long FoldableBytes = 256L << 20;

    /// <exception cref="InvalidDataException">The file is not a well-formed protobuf message.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load it.</exception>
    public static (InferenceSession Session, int Folded) Open(string path, SessionOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = new FileInfo(path).Length <= FoldableBytes ? File.ReadAllBytes(path) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bytes = []; // ONNX Runtime reports a missing or unreadable file in its own words
        }

        if (bytes.Length == 0)
        {
            return (new InferenceSession(path, options), 0);
        }

        var (model, folded) = CategoricalEncoderFolding.Fold(bytes);
        return (folded == 0 ? new InferenceSession(path, options) : new InferenceSession(model, options), folded);
    }

    /// <inheritdoc cref="Open(string, SessionOptions)"/>
    public static (InferenceSession Session, int Folded) Open(byte[] model, SessionOptions options)
    {
        var (folded, count) = CategoricalEncoderFolding.Fold(model);
        return (new InferenceSession(folded, options), count);
    }
}
