using System.Text.Json;
using RepoML.Core.Json;

namespace RepoML.Core.Tests.Json;

public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"id": "\ud800"}""", 7)]
    [InlineData("""{"id": "ok\udc00"}""", 7)]
    [InlineData("""{"id": "\ude00\ud83d"}""", 7)]
    [InlineData("""{"\uD800": 1}""", 1)]
    [InlineData("""[1, "a", {"b": ["\ud83d\ude00", "\udbff"]}]""", 32)]
    public void Should_refuse_as_json_error_with_the_byte_When_a_string_escapes_half_a_surrogate_pair(string json, long at)
    {
        // JsonDocument alone accepts it, and throws something no catch (JsonException) expects on first read
        using (var loose = JsonDocument.Parse(json))
        {
            Assert.Throws<InvalidOperationException>(() => ReadEveryString(loose.RootElement));
        }

        var error = Assert.Throws<JsonException>(() => StrictJson.Parse(json));

        Assert.Equal(at, error.BytePositionInLine);
        Assert.Contains($"half a UTF-16 surrogate pair, which is not text (byte {at + 1})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "\ud83d\ude00"}""", "\U0001F600")]
    [InlineData("""{"id": "\\ud800"}""", "\\ud800")]
    [InlineData("""{"id": "\u00e9\u202e"}""", "\u00e9\u202e")]
    [InlineData("""{"id": "plain"}""", "plain")]
    public void Should_read_the_text_When_every_escape_is_whole(string json, string id)
    {
        using var document = StrictJson.Parse(json);

        Assert.Equal(id, document.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D }, 7)] // {"id":"<FF>"}
    [InlineData(new byte[] { 0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D }, 2)] // {"<C3>":1}, a cut two-byte sequence as a property name
    [InlineData(new byte[] { 0x5B, 0x22, 0x61, 0xED, 0xA0, 0x80, 0x22, 0x5D }, 3)] // ["a<ED A0 80>"], a surrogate encoded as UTF-8
    public void Should_refuse_as_json_error_with_the_byte_When_a_string_holds_bytes_that_are_not_utf8(byte[] json, long at)
    {
        using (var loose = JsonDocument.Parse(json))
        {
            Assert.Throws<InvalidOperationException>(() => ReadEveryString(loose.RootElement));
        }

        var error = Assert.Throws<JsonException>(() => StrictJson.Parse(json));

        Assert.Equal(at, error.BytePositionInLine);
        Assert.Contains($"bytes that are not UTF-8, which is not text (byte {at + 1})", error.Message, StringComparison.Ordinal);
    }

    private static void ReadEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadEveryString(property.Value);
                }

                break;
        }
    }

    [Fact]
    public void Should_throw_json_errors_as_the_parser_does_When_the_text_is_not_json() =>
        Assert.ThrowsAny<JsonException>(() => StrictJson.Parse("{\"id\": "));
}
