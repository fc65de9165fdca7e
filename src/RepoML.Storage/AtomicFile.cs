namespace RepoML.Storage;

/// <summary>Writes a verified copy of an object to a destination file that appears complete or not at all.</summary>
internal static class AtomicFile
{
    public static async Task WriteVerifiedAsync(
        Stream raw, Digest expected, string destinationPath, string location, Func<string?>? onCorrupt, CancellationToken cancellationToken)
    {
        var destination = Path.GetFullPath(destinationPath);
        var folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);

        // Same folder as the destination, so the final rename cannot cross file systems.
        var tempPath = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Digest actual;
            var temp = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            await using (temp.ConfigureAwait(false))
            {
                (actual, _) = await HashingCopier.CopyAsync(raw, temp, cancellationToken).ConfigureAwait(false);
            }

            if (actual != expected)
            {
                await raw.DisposeAsync().ConfigureAwait(false);
                throw new ArtifactCorruptException(expected, actual, location, onCorrupt?.Invoke());
            }

            File.Move(tempPath, destination, overwrite: true);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }
}
