using System.Buffers;
using System.Security.Cryptography;

namespace RepoML.Storage;

/// <summary>
/// Copies a stream while hashing it, in one pass. Each 1 MiB chunk is hashed on a pool thread while it is
/// written and the next chunk is read, so the copy costs about as much as hashing alone.
/// </summary>
internal static class HashingCopier
{
    public const int ChunkSize = 1024 * 1024;

    public static async Task<(Digest Digest, long Length)> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var next = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long length = 0;
            var count = await ReadChunkAsync(source, current, cancellationToken).ConfigureAwait(false);
            while (count > 0)
            {
                var chunk = current;
                var chunkLength = count;
                var hashing = Task.Run(() => hash.AppendData(chunk, 0, chunkLength), cancellationToken);
                var writing = destination.WriteAsync(current.AsMemory(0, count), cancellationToken).AsTask();
                var reading = ReadChunkAsync(source, next, cancellationToken);
                // WhenAll waits for all three even when one fails, so no task still touches a buffer
                // when the finally block returns them to the pool.
                await Task.WhenAll(hashing, writing, reading).ConfigureAwait(false);

                length += count;
                count = reading.Result;
                (current, next) = (next, current);
            }

            return (Digest.FromHash(hash.GetHashAndReset()), length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    /// <summary>Fills the buffer unless the end comes first, so pipes and sockets still give large writes.</summary>
    private static Task<int> ReadChunkAsync(Stream source, byte[] buffer, CancellationToken cancellationToken) =>
        source.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken).AsTask();
}
