using System.Text.Json;
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

    private static JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new RequestShapeException("$", $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
    }
}
