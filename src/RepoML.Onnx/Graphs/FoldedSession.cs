namespace RepoML.Onnx.Graphs;

/// <summary>
/// Opens ONNX Runtime sessions on models with their ML.NET text encoder chains folded (<see cref="CategoricalEncoderFolding"/>),
/// so every scorer runs the graph a packaged image runs, and the scorers' sessions with an sklearn <c>ZipMap</c>'s probabilities
/// as a tensor output (<see cref="ZipMapExposure"/>). A model that folding leaves alone is opened from its path,
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

    /// <inheritdoc cref="Open(string, SessionOptions)"/>
    public static (InferenceSession Session, int Folded) Open(byte[] model, SessionOptions options)
    {
        var (folded, count) = CategoricalEncoderFolding.Fold(model);
        return (new InferenceSession(folded, options), count);
    }

    /// <summary>
    /// As <see cref="Open(string, SessionOptions)"/>, and with the feature vector taken out of the graph where it can be
    /// (<see cref="FeatureVectorFolding"/>): the session then reads the layout's vector, which the scorer writes from the
    /// model's own inputs. For scorers only: the session's inputs are not the model's.
    /// </summary>
    /// <inheritdoc cref="Open(string, SessionOptions)"/>
    internal static (InferenceSession Session, int Folded, FeatureVectorLayout? Layout) OpenForScoring(string path, SessionOptions options)
    {
        if (Read(path) is not { } bytes)
        {
            return (new InferenceSession(path, options), 0, null);
        }

        var (folded, count, changed) = Prepare(bytes);
        return FeatureVectorFolding.Fold(folded) is { } vectorized
            ? (new InferenceSession(vectorized.Model, options), count, vectorized.Layout)
            : (changed ? new InferenceSession(folded, options) : new InferenceSession(path, options), count, null);
    }

    /// <inheritdoc cref="OpenForScoring(string, SessionOptions)"/>
    internal static (InferenceSession Session, int Folded, FeatureVectorLayout? Layout) OpenForScoring(byte[] model, SessionOptions options)
    {
        var (folded, count, _) = Prepare(model);
        return FeatureVectorFolding.Fold(folded) is { } vectorized
            ? (new InferenceSession(vectorized.Model, options), count, vectorized.Layout)
            : (new InferenceSession(folded, options), count, null);
    }

    /// <summary>
    /// As <see cref="OpenForScoring(string, SessionOptions)"/>, and with the element-wise nodes after the model's score
    /// taken out where they can be (<see cref="ScoreTailFolding"/>): the session then answers the tail's root, from which
    /// the returned tail computes the model's outputs. For the serving session, whose runs are mostly a row or a few.
    /// </summary>
    /// <inheritdoc cref="OpenForScoring(string, SessionOptions)"/>
    internal static (InferenceSession Session, int Folded, FeatureVectorLayout? Layout, ScoreTail? Tail) OpenForServing(string path, SessionOptions options)
    {
        if (Read(path) is not { } bytes)
        {
            return (new InferenceSession(path, options), 0, null, null);
        }

        var (folded, count, changed) = Prepare(bytes);
        var vectorized = FeatureVectorFolding.Fold(folded);
        var model = vectorized?.Model ?? folded;
        if (ScoreTailFolding.Fold(model) is { } cut)
        {
            var session = new InferenceSession(cut.Model, options);
            if (session.OutputMetadata[cut.Tail.Root] is { IsTensor: true, ElementDataType: TensorElementType.Float })
            {
                return (session, count, vectorized?.Layout, cut.Tail);
            }

            session.Dispose();
        }

        return (!changed && vectorized is null ? new InferenceSession(path, options) : new InferenceSession(model, options), count, vectorized?.Layout, null);
    }

    /// <summary>
    /// The rewrites every scorer's session gets: text encoder chains folded, and the probabilities behind an sklearn
    /// <c>ZipMap</c> made a tensor output (<see cref="ZipMapExposure"/>); whether the bytes differ from the file's.
    /// </summary>
    private static (byte[] Model, int Folded, bool Changed) Prepare(byte[] bytes)
    {
        var (folded, count) = CategoricalEncoderFolding.Fold(bytes);
        var exposed = ZipMapExposure.Expose(folded);
        return (exposed ?? folded, count, count > 0 || exposed is not null);
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
}
