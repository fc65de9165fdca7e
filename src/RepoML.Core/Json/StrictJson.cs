namespace RepoML.Core.Json;

/// <summary>
/// Parses JSON that someone else wrote (a request body, a collected record, a store or job file, a server's answer) so that every
/// string in it is text. <see cref="JsonDocument"/> accepts two things that are not: bytes that are not UTF-8 inside a string, and an
/// escape for half a UTF-16 surrogate pair (<c>"\ud800"</c>). Each later <c>GetString</c>, property lookup or <c>WriteTo</c> of such a
/// string throws <see cref="InvalidOperationException"/>, which no <c>catch (JsonException)</c> expects. Here both are a
/// <see cref="JsonException"/> at parse time, like any other malformed JSON.
/// </summary>
public static class StrictJson
{
    /// <exception cref="JsonException">Not JSON, or a string (value or property name) that is not text.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options = default)
    {
        var document = JsonDocument.Parse(utf8, options);
        if (NotTextAt(utf8.Span, options) is { } problem)
        {
            document.Dispose();
            throw new JsonException(problem.Message, null, 0, problem.At);
        }

        return document;
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
    public static JsonDocument Parse(string json, JsonDocumentOptions options = default) => Parse(Encoding.UTF8.GetBytes(json), options);

    /// <summary>Where well-formed <paramref name="utf8"/> JSON is not text, and why (the message names the byte); null when it all is.</summary>
    public static (long At, string Message)? NotTextAt(ReadOnlySpan<byte> utf8, JsonDocumentOptions options = default)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            var at = InvalidUtf8At(utf8);
            return (at, $"the JSON holds bytes that are not UTF-8, which is not text (byte {at + 1})");
        }

        return HalfSurrogateAt(utf8, options) is { } half ? (half, HalfSurrogateMessage(half)) : null;
    }

    /// <summary>Why a string at byte <paramref name="at"/> was refused.</summary>
    private static string HalfSurrogateMessage(long at) =>
        $"a JSON string escapes half a UTF-16 surrogate pair, which is not text (byte {at + 1})";

    private static long InvalidUtf8At(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length && Rune.DecodeFromUtf8(utf8[at..], out _, out var length) == System.Buffers.OperationStatus.Done)
        {
            at += length;
        }

        return at;
    }

    /// <summary>
    /// The byte offset of the first string in well-formed <paramref name="utf8"/> JSON that escapes half a surrogate pair, or null.
    /// Only JSON holding a <c>\uD…</c> escape at all is read a second time.
    /// </summary>
    private static long? HalfSurrogateAt(ReadOnlySpan<byte> utf8, JsonDocumentOptions options)
    {
        if (!MayEscapeSurrogate(utf8))
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = options.MaxDepth, AllowTrailingCommas = options.AllowTrailingCommas, CommentHandling = options.CommentHandling,
        });
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
                    return reader.TokenStartIndex;
                }
            }
        }

        return null;
    }

    private static bool MayEscapeSurrogate(ReadOnlySpan<byte> utf8)
    {
        for (var at = utf8.IndexOf("\\u"u8); at >= 0; at = utf8.IndexOf("\\u"u8))
        {
            if (at + 2 < utf8.Length && (utf8[at + 2] | 0x20) == 'd')
            {
                return true;
            }

            utf8 = utf8[(at + 2)..];
        }

        return false;
    }
}
