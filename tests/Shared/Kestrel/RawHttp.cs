using System.Net.Sockets;
using System.Text;

namespace RepoML.Tests.Shared;

/// <summary>
/// HTTP/1.1 written byte for byte on a TCP socket, for requests HttpClient refuses to send (control characters and raw
/// UTF-8 in headers, bodies of any framing). Reads the answer to the end of the stream (each request says
/// <c>Connection: close</c>), de-chunked.
/// </summary>
internal static class RawHttp
{
    /// <summary>An answer: status code, headers (lower-case names) and body text.</summary>
    internal sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line) and <paramref name="body"/>.</summary>
    public static async Task<Answer> SendAsync(Uri server, byte[] head, Func<Stream, Task>? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(head);
        await stream.WriteAsync("\r\n\r\n"u8.ToArray());
        if (body is not null)
        {
            try
            {
                await body(stream);
            }
            catch (IOException)
            {
                // The server may answer and close before the whole body is written (413): read what it said.
            }
        }

        return await ReadAsync(stream);
    }

    /// <summary>A head from lines, encoded as UTF-8 so that non-ASCII header values go out as raw bytes.</summary>
    public static byte[] Head(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    /// <summary>Writes <paramref name="chunks"/> chunks of <paramref name="size"/> bytes of <paramref name="fill"/>, then the last chunk.</summary>
    public static Func<Stream, Task> Chunked(int chunks, int size, byte fill = (byte)' ') => async stream =>
    {
        var data = Enumerable.Repeat(fill, size).ToArray();
        var prefix = Encoding.ASCII.GetBytes($"{size:x}\r\n");
        for (var i = 0; i < chunks; i++)
        {
            await stream.WriteAsync(prefix);
            await stream.WriteAsync(data);
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
    };

    // The requests say "Connection: close": the answer ends where the stream does.
    private static async Task<Answer> ReadAsync(Stream stream)
    {
        var bytes = new MemoryStream();
        try
        {
            await stream.CopyToAsync(bytes);
        }
        catch (IOException) when (bytes.Length > 0)
        {
            // A reset after the answer (the server closed with unread body bytes): keep what came.
        }

        var all = bytes.ToArray();
        var headEnd = IndexOfBlankLine(all);
        if (headEnd < 0)
        {
            throw new IOException($"the server closed the connection before the end of its headers: '{Encoding.ASCII.GetString(all)}'");
        }

        var lines = Encoding.Latin1.GetString(all, 0, headEnd).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var rest = all.AsSpan(headEnd + 4);
        var body = headers.TryGetValue("transfer-encoding", out var framing) && framing.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? Dechunk(rest)
            : rest.ToArray();
        return new Answer(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        var body = new MemoryStream();
        while (chunked.IndexOf("\r\n"u8) is var eol and > 0)
        {
            var size = int.Parse(Encoding.ASCII.GetString(chunked[..eol]).Split(';')[0], System.Globalization.NumberStyles.HexNumber,
                System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0 || chunked.Length < eol + 2 + size)
            {
                break;
            }

            body.Write(chunked.Slice(eol + 2, size));
            chunked = chunked[(eol + 2 + size + 2)..];
        }

        return body.ToArray();
    }

    private static int IndexOfBlankLine(byte[] bytes)
    {
        for (var i = 0; i + 3 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
