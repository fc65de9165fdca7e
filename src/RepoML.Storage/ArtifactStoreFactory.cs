using Azure.Storage;

namespace RepoML.Storage;

/// <summary>
/// Chooses an <see cref="IArtifactStore"/> from a store address. Addresses:
/// <list type="bullet">
/// <item><description>empty: <c>&lt;workspace&gt;/.repoml/store</c>.</description></item>
/// <item><description>a path (absolute, or relative to the workspace root) or a <c>file://</c> URI: a
/// <see cref="LocalFolderArtifactStore"/>, e.g. a team's shared folder <c>/mnt/team/repoml-store</c>.</description></item>
/// <item><description><c>azureblob://&lt;account&gt;/&lt;container&gt;[/&lt;prefix&gt;…]</c>: an
/// <see cref="AzureBlobArtifactStore"/>. Credentials never go in the address (it is committed to Git);
/// they come from the environment, first match wins:
/// <c>REPOML_STORE_CONNECTION_STRING</c> (a storage connection string; its AccountName must equal
/// <c>&lt;account&gt;</c>, and it also sets the endpoint, e.g. Azurite's
/// <c>azureblob://devstoreaccount1/repoml</c>), <c>REPOML_STORE_SAS_TOKEN</c> (a container or account SAS
/// for <c>https://&lt;account&gt;.blob.core.windows.net</c>), <c>REPOML_STORE_ACCOUNT_KEY</c>
/// (the account's shared key).</description></item>
/// </list>
/// </summary>
public static class ArtifactStoreFactory
{
    /// <summary>URI scheme of Azure Blob Storage addresses.</summary>
    public const string AzureBlobScheme = "azureblob";

    /// <summary>
    /// Objects a registration committed to Git with <c>--commit-files</c>, relative to the workspace root: every store this
    /// factory opens reads through to them (<see cref="ReadThroughArtifactStore"/>) when the folder exists.
    /// </summary>
    public const string CommittedRelativeRoot = $"{Core.Registry.RegistryPath.Root}/store";

    /// <summary>Environment variable holding a storage connection string.</summary>
    public const string ConnectionStringVariable = "REPOML_STORE_CONNECTION_STRING";

    /// <summary>Environment variable holding a SAS token.</summary>
    public const string SasTokenVariable = "REPOML_STORE_SAS_TOKEN";

    /// <summary>Environment variable holding a storage account key.</summary>
    public const string AccountKeyVariable = "REPOML_STORE_ACCOUNT_KEY";

    /// <summary>Creates the store an address names.</summary>
    /// <param name="address">The address (see the type's remarks); null or empty for the workspace default.</param>
    /// <param name="workspaceRoot">Folder that relative paths and the default are resolved against.</param>
    /// <param name="environment">Reads environment variables; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <param name="blobOptions">Client options for Azure stores (retries, service version).</param>
    /// <exception cref="FormatException">The address is malformed; the message shows the expected form.</exception>
    /// <exception cref="InvalidOperationException">An Azure address has no usable credentials in the environment.</exception>
    public static IArtifactStore Create(
        string? address, string workspaceRoot, Func<string, string?>? environment = null, BlobClientOptions? blobOptions = null)
    {
        var store = CreateOwn(address, workspaceRoot, environment, blobOptions);
        return Directory.Exists(Path.Combine(workspaceRoot, CommittedRelativeRoot))
            ? new ReadThroughArtifactStore(store, new CommittedArtifactStore(workspaceRoot))
            : store;
    }

    private static IArtifactStore CreateOwn(
        string? address, string workspaceRoot, Func<string, string?>? environment, BlobClientOptions? blobOptions)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceRoot);
        environment ??= Environment.GetEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(address))
        {
            return Opened(new LocalFolderArtifactStore(Path.Combine(workspaceRoot, LocalFolderArtifactStore.DefaultRelativeRoot)));
        }

        var scheme = SchemeOf(address);
        if (scheme is null)
        {
            return Opened(new LocalFolderArtifactStore(Path.GetFullPath(address, Path.GetFullPath(workspaceRoot))));
        }

        if (scheme.Equals(Uri.UriSchemeFile, StringComparison.OrdinalIgnoreCase))
        {
            return Opened(new LocalFolderArtifactStore(new Uri(address).LocalPath));
        }

        if (scheme.Equals(AzureBlobScheme, StringComparison.OrdinalIgnoreCase))
        {
            var (account, container, prefix) = ParseAzureBlob(address);
            return new AzureBlobArtifactStore(CreateContainerClient(account, container, environment, blobOptions), prefix);
        }

        throw new FormatException(
            $"Store address '{address}' has unknown scheme '{scheme}://'; use a folder path, file://, or " +
                $"{AzureBlobScheme}://<account>/<container>[/<prefix>].");
    }

    /// <summary>
    /// The step-cache index that goes with the store an address names: <c>.repoml/cache/keys</c> for the
    /// workspace default, <c>&lt;folder&gt;/cache</c> for a folder store, <c>[prefix/]cache/</c> blobs for Azure.
    /// </summary>
    public static ICacheEntries CreateCacheEntries(
        string? address, string workspaceRoot, Func<string, string?>? environment = null, BlobClientOptions? blobOptions = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (string.IsNullOrWhiteSpace(address))
        {
            return new FolderCacheEntries(Path.Combine(workspaceRoot, ".repoml", "cache", "keys"));
        }

        var scheme = SchemeOf(address);
        if (scheme is not null && scheme.Equals(AzureBlobScheme, StringComparison.OrdinalIgnoreCase))
        {
            var (account, container, prefix) = ParseAzureBlob(address);
            return new BlobCacheEntries(CreateContainerClient(account, container, environment, blobOptions), prefix);
        }

        var store = (LocalFolderArtifactStore)CreateOwn(address, workspaceRoot, environment, blobOptions);
        return new FolderCacheEntries(Path.Combine(store.Root, "cache"));
    }

    /// <summary>Splits <c>azureblob://account/container/prefix…</c>, validating the names Azure accepts.</summary>
    internal static (string Account, string Container, string Prefix) ParseAzureBlob(string address)
    {
        const string Expected = "expected azureblob://<account>/<container>[/<prefix>]";
        var rest = address[(AzureBlobScheme.Length + 3)..];
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw new FormatException($"Store address '{address}' names no container; {Expected}.");
        }

        var account = parts[0];
        if (account.Length is < 3 or > 24 || !account.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
        {
            throw new FormatException($"Store address '{address}': account '{account}' must be 3-24 lowercase letters and digits; {Expected}.");
        }

        var container = parts[1];
        if (container.Length is < 3 or > 63
            || !container.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-')
            || container.StartsWith('-') || container.EndsWith('-') || container.Contains("--", StringComparison.Ordinal))
        {
            throw new FormatException(
                $"Store address '{address}': container '{container}' must be 3-63 lowercase letters, digits and single hyphens; {Expected}.");
        }

        return (account, container, string.Join('/', parts.Skip(2)));
    }

    private static BlobContainerClient CreateContainerClient(
        string account, string container, Func<string, string?> environment, BlobClientOptions? options)
    {
        var connectionString = environment(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var named = AccountNameOf(connectionString);
            if (named is not null && !named.Equals(account, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"{ConnectionStringVariable} is for account '{named}' but the store address names '{account}'.");
            }

            return new BlobServiceClient(connectionString, options).GetBlobContainerClient(container);
        }

        var endpoint = new Uri($"https://{account}.blob.core.windows.net/{container}");
        var sas = environment(SasTokenVariable);
        if (!string.IsNullOrWhiteSpace(sas))
        {
            return new BlobContainerClient(endpoint, new AzureSasCredential(sas.TrimStart('?')), options);
        }

        var key = environment(AccountKeyVariable);
        if (!string.IsNullOrWhiteSpace(key))
        {
            return new BlobContainerClient(endpoint, new StorageSharedKeyCredential(account, key), options);
        }

        throw new InvalidOperationException(
            $"No credentials for store azureblob://{account}/{container}: set {ConnectionStringVariable}, {SasTokenVariable} or " +
                $"{AccountKeyVariable}.");
    }

    private static string? AccountNameOf(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return "devstoreaccount1";
        }

        foreach (var pair in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Equals("AccountName", StringComparison.OrdinalIgnoreCase))
            {
                return pair[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary>The scheme of <c>scheme://…</c>; null for paths (including Windows drive paths like <c>C:\</c>).</summary>
    private static string? SchemeOf(string address)
    {
        var separator = address.IndexOf("://", StringComparison.Ordinal);
        return separator > 1 && address[..separator].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            ? address[..separator]
            : null;
    }

    // Every use of a local store first removes what killed writers left in its tmp/ folder.
    private static LocalFolderArtifactStore Opened(LocalFolderArtifactStore store)
    {
        store.CleanedOnOpen = store.DeleteOrphanedTemporaryFiles();
        return store;
    }
}
