namespace RepoML.Core.Json;

/// <summary>
/// Parses JSON that someone else wrote (a request body, a collected record, a store or job file, a server's answer) so that every
/// string in it is text. JSON may escape half a UTF-16 surrogate pair (<c>"\ud800"</c>); <see cref="JsonDocument"/> accepts it, but each
/// later <c>GetString</c>, property lookup or <c>WriteTo</c> of that string throws <see cref="InvalidOperationException"/>, which no
/// <c>catch (JsonException)</c> expects. Here it is a <see cref="JsonException"/> at parse time, like any other malformed JSON.
/// </summary>
public static class StrictJson
{
    /// <exception cref="JsonException">Not JSON, or a string (value or property name) that is not text.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options = default)
    {
        var document = JsonDocument.Parse(utf8, options);
        if (HalfSurrogateAt(utf8.Span, options) is { } at)
        {
            document.Dispose();
            throw new JsonException(HalfSurrogateMessage(at), null, 0, at);
        }

        return document;
    }

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
    public static JsonDocument Parse(string json, JsonDocumentOptions options = default) => Parse(Encoding.UTF8.GetBytes(json), options);

    /// <summary>Why a string at byte <paramref name="at"/> was refused.</summary>
    public static string HalfSurrogateMessage(long at) =>
        $"a JSON string escapes half a UTF-16 surrogate pair, which is not text (byte {at + 1})";

    /// <summary>
    /// The byte offset of the first string in well-formed <paramref name="utf8"/> JSON that escapes half a surrogate pair, or null.
    /// Only JSON holding a <c>\uD…</c> escape at all is read a second time.
    /// </summary>
    public static long? HalfSurrogateAt(ReadOnlySpan<byte> utf8, JsonDocumentOptions options = default)
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
