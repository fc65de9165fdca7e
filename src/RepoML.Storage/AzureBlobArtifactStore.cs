using Azure.Storage;
using Azure.Storage.Blobs.Models;

namespace RepoML.Storage;

/// <summary>
/// An artifact store in an Azure Blob Storage container, shared by CI and laptops. Blob names are
/// <c>[prefix/]objects/ab/cdef…</c>. Uploads use <c>If-None-Match: *</c>, so concurrent writers of the
/// same object are safe (the first one wins; identical content makes the rest no-ops). Downloads are
/// verified against the digest.
/// </summary>
/// <remarks>
/// A put first copies the content to a local temp file while hashing it: the blob name is the digest,
/// which is known only at the end, and the private copy cannot change between hashing and upload.
/// </remarks>
public sealed class AzureBlobArtifactStore : IArtifactStore
{
    private const int TransferSize = 8 * 1024 * 1024;

    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private readonly string _spoolFolder;
    private Task? _containerCreated;

    /// <summary>Uses a container, created on first write if it does not exist.</summary>
    /// <param name="container">The container client, already carrying its credentials.</param>
    /// <param name="prefix">Optional folder inside the container, e.g. <c>team-a</c>; '/'-separated.</param>
    /// <param name="spoolFolder">Where puts stage their temp copy; the system temp folder by default.</param>
    public AzureBlobArtifactStore(BlobContainerClient container, string? prefix = null, string? spoolFolder = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        var trimmed = (prefix ?? string.Empty).Trim('/');
        _prefix = trimmed.Length == 0 ? string.Empty : trimmed + "/";
        _spoolFolder = spoolFolder ?? Path.GetTempPath();

        // The URI never carries the account key; drop any SAS query so it cannot leak into messages.
        var uri = new UriBuilder(container.Uri) { Query = string.Empty }.Uri.ToString().TrimEnd('/');
        Location = _prefix.Length == 0 ? uri : $"{uri}/{_prefix.TrimEnd('/')}";
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The blob name an object is stored under.</summary>
    public string GetBlobName(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _prefix + ObjectNames.Relative(digest);
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        var response = await _container.GetBlobClient(GetBlobName(digest)).ExistsAsync(cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <inheritdoc />
    public async Task<Digest> PutFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            return await PutStreamAsync(source, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<Digest> PutStreamAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(_spoolFolder);
        var spoolPath = Path.Combine(_spoolFolder, $"repoml-put-{Guid.NewGuid():N}.tmp");
        try
        {
            var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0,
                FileOptions.DeleteOnClose);
            await using (spool.ConfigureAwait(false))
            {
                var (digest, _) = await HashingCopier.CopyAsync(content, spool, cancellationToken).ConfigureAwait(false);
                if (await ExistsAsync(digest, cancellationToken).ConfigureAwait(false))
                {
                    return digest;
                }

                spool.Position = 0;
                await UploadAsync(digest, spool, cancellationToken).ConfigureAwait(false);
                return digest;
            }
        }
        finally
        {
            File.Delete(spoolPath);
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        var raw = await DownloadAsync(digest, cancellationToken).ConfigureAwait(false);
        return new DigestVerifyingStream(raw, digest, Location, () => Remedy(digest));
    }

    /// <inheritdoc />
    public async Task GetFileAsync(Digest digest, string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        var raw = await DownloadAsync(digest, cancellationToken).ConfigureAwait(false);
        await using (raw.ConfigureAwait(false))
        {
            await AtomicFile.WriteVerifiedAsync(raw, digest, destinationPath, Location, () => Remedy(digest),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Digest> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var objectsPrefix = _prefix + ObjectNames.ObjectsFolder + "/";
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = objectsPrefix }, cancellationToken);
        var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    yield break;
                }

                // "ab/cdef…" after the prefix; anything else (stray uploads) is not an object.
                var name = enumerator.Current.Name.AsSpan(objectsPrefix.Length);
                var slash = name.IndexOf('/');
                if (slash > 0 && ObjectNames.FromParts(name[..slash].ToString(), name[(slash + 1)..].ToString()) is { } digest)
                {
                    yield return digest;
                }
            }
        }
    }

    private async Task UploadAsync(Digest digest, Stream content, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(GetBlobName(digest));
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = TransferSize,
                MaximumTransferSize = TransferSize,
                MaximumConcurrency = 4,
            },
        };

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (IsAlreadyThere(ex))
            {
                // Another writer committed it first; content addressing makes theirs identical.
                return;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound && attempt == 0)
            {
                await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
                content.Position = 0;
            }
        }
    }

    private Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        _containerCreated ??= _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    private async Task<Stream> DownloadAsync(Digest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        try
        {
            var response = await _container.GetBlobClient(GetBlobName(digest))
                .DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ArtifactNotFoundException(digest, Location);
        }
    }

    // 409 BlobAlreadyExists for a single-shot upload, 412 when a block commit loses the race.
    private static bool IsAlreadyThere(RequestFailedException ex) =>
        ex.Status == 412 || (ex.Status == 409 && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists);

    private string Remedy(Digest digest) =>
        $"Delete blob '{GetBlobName(digest)}' (needs write access), then push the artifact again from a good copy.";
}
