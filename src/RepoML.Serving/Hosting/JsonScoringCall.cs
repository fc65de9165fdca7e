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

    private const int MaxDepth = 64;

    private static JsonDocument Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new RequestShapeException("$", TooDeep(body)
                ? $"the body's JSON is nested too deep (more than {MaxDepth} levels)"
                : $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        try
        {
            RequireText(body);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    // JSON may escape half a UTF-16 surrogate pair ("\ud800"): the parser accepts it, but it is not text, and every later read of that
    // string (or property name) throws. Refused here, once, so no reader downstream meets it. Only bodies with such an escape are re-read.
    private static void RequireText(byte[] body)
    {
        if (!MayEscapeSurrogate(body))
        {
            return;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new RequestShapeException("$",
                        $"the body's JSON has a string that escapes half a UTF-16 surrogate pair, which is not text (byte {reader.TokenStartIndex + 1})");
                }
            }
        }
    }

    private static bool MayEscapeSurrogate(ReadOnlySpan<byte> body)
    {
        for (var at = body.IndexOf("\\u"u8); at >= 0; at = body.IndexOf("\\u"u8))
        {
            if (at + 2 < body.Length && (body[at + 2] | 0x20) == 'd')
            {
                return true;
            }

            body = body[(at + 2)..];
        }

        return false;
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
