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
        var (model, folded) = Read(path) is { } bytes ? CategoricalEncoderFolding.Fold(bytes) : ([], 0);
        return (folded == 0 ? new InferenceSession(path, options) : new InferenceSession(model, options), folded);
    }

    /// <summary>The file's bytes; null when it is too large to fold, or missing or unreadable (ONNX Runtime then says so in its own words).</summary>
    private static byte[]? Read(string path)
    {
        try
        {
            return new FileInfo(path).Length <= FoldableBytes ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="Open(string, SessionOptions)"/>
    public static (InferenceSession Session, int Folded) Open(byte[] model, SessionOptions options)
    {
        var (folded, count) = CategoricalEncoderFolding.Fold(model);
        return (new InferenceSession(folded, options), count);
    }
}
