namespace RepoML.Serving.Hosting;

/// <summary>
/// One scoring request as a protocol hands it to <see cref="ScoringExecutor"/>: how to score it on a deployment (the
/// one chosen for it, or a mirror's shadow) and what data collection records of it. Implemented by structs, so the
/// executor's generic path is specialised per protocol and allocates nothing for the call itself.
/// </summary>
/// <typeparam name="TAnswer">What scoring returns: ready JSON bytes for REST, a protobuf message for gRPC.</typeparam>
public interface IScoringCall<TAnswer>
{
    /// <summary>Scores the request on <paramref name="deployment"/>.</summary>
    /// <exception cref="Scoring.RequestShapeException">The request does not fit the protocol or the model (400).</exception>
    /// <exception cref="Core.Scoring.ScoringInputException">The model rejected the input (400).</exception>
    ValueTask<TAnswer> ScoreAsync(LoadedDeployment deployment, CancellationToken cancellation);

    /// <summary>The request as JSON, for the <c>model_inputs</c> collection (asked only when it is collected).</summary>
    byte[] CollectedInputs(TAnswer answer);

    /// <summary>The answer as JSON, for the <c>model_outputs</c> collection (asked only when it is collected).</summary>
    byte[] CollectedOutputs(TAnswer answer);
}
