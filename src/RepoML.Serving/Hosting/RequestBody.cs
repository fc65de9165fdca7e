using System.IO.Pipelines;

namespace RepoML.Serving.Hosting;

/// <summary>Reads a request body into memory up to a limit.</summary>
public static class RequestBody
{
    /// <returns>The body, or null when it is larger than <paramref name="limit"/> (answer 413).</returns>
    public static async ValueTask<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            ReadResult read;
            try
            {
                read = await reader.ReadAsync(cancellation);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Kestrel's backstop limit, met by a body without Content-Length (chunked): the same 413 as ours.
                return null;
            }

            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
