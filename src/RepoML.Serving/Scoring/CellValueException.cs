namespace RepoML.Serving.Scoring;

/// <summary>A JSON value that does not fit its tensor slot; the caller turns it into a <see cref="RequestShapeException"/> naming the
/// field.</summary>
public sealed class CellValueException(string message) : Exception(message)
{
    /// <summary>The same problem, at <paramref name="field"/>.</summary>
    public RequestShapeException At(string field) => new(field, Message);
}
