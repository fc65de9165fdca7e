namespace RepoML.Serving.Hosting;

/// <summary>
/// A 200 answer of ready JSON bytes, written straight to the response: the framework's byte result also handles
/// ranges and entity tags, work a scoring answer never needs on its hot path.
/// </summary>
public sealed class JsonBytesResult(byte[] body) : IResult
{
    public byte[] Body { get; } = body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = Body.Length;
        await response.BodyWriter.WriteAsync(Body, httpContext.RequestAborted);
    }
}
