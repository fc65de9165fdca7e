using System.Buffers.Binary;

namespace RepoML.Serving.Hosting;

/// <summary>The id that ties a request to its collected inputs and outputs: the caller's <c>x-request-id</c> /
/// <c>x-ms-client-request-id</c> when it is 1 to 128 visible ASCII characters (it is echoed as a response header and written
/// to collected data), else a new one.</summary>
public static class CorrelationId
{
    public const string Header = "x-request-id";

    // A random half per process and a counter: unique like Guid.NewGuid(), without its system call per request.
    private static readonly ulong ProcessPart = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private static long counter;

    public static string Of(HttpRequest request)
    {
        foreach (var name in new[] { Header, "x-ms-client-request-id" })
        {
            if (request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 128 } id && IsPlain(id))
            {
                return id;
            }
        }

        return New();
    }

    /// <summary>Whether every character is visible ASCII ('!' to '~'): no controls, spaces, DEL, non-ASCII or bidi overrides.</summary>
    public static bool IsPlain(string id)
    {
        foreach (var c in id)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A new id, formatted as a GUID.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ProcessPart);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Interlocked.Increment(ref counter));
        return new Guid(bytes).ToString();
    }
}
