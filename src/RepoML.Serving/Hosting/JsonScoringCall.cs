using System.Text.Json;
using RepoML.Core.Json;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Hosting;

/// <summary>A REST request: its JSON body, parsed for each deployment that scores it, and the route's scoring function.</summary>
internal readonly struct JsonScoringCall(byte[] body, Func<LoadedDeployment, JsonElement, CancellationToken, ValueTask<byte[]>> score) : IScoringCall<byte[]>
{
    public async ValueTask<byte[]> ScoreAsync(LoadedDeployment deployment, CancellationToken cancellation)
    {
        using var document = Parse(body);
        return await score(deployment, document.RootElement, cancellation);
    }

    public byte[] CollectedInputs(byte[] answer) => body;

    public byte[] CollectedOutputs(byte[] answer) => answer;

    private const int MaxDepth = 64;
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    private static JsonDocument Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new RequestShapeException("$", TooDeep(body)
                ? $"the body's JSON is nested too deep (more than {MaxDepth} levels)"
                : $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        if (StrictJson.NotTextAt(body, Options) is { } problem)
        {
            document.Dispose();
            throw new RequestShapeException("$", "the body's JSON is not text: " + problem.Message);
        }

        return document;
    }

    // Only after a parse failed: whether it failed at the depth limit rather than on a syntax error.
    private static bool TooDeep(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return false;
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth - 1;
        }
    }
}
