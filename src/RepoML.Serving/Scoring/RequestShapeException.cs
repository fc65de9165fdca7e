namespace RepoML.Serving.Scoring;

/// <summary>The request body does not fit the protocol or the model; <see cref="Field"/> says where (e.g. <c>input_data.data[2][1]</c>).</summary>
public sealed class RequestShapeException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
