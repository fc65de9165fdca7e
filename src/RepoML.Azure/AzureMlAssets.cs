using System.Security.Cryptography;
using System.Text;
using RepoML.Core.References;
using RepoML.Core.Workspace;

namespace RepoML.Azure;

/// <summary>
/// Turns the references of an Azure ML YAML file into what the REST API takes: ARM ids for computes, environments,
/// data and code (<c>@latest</c> by listing versions, newest first, as <c>az ml</c> does), and datastore URIs for
/// local files, which are uploaded first. In a dry run the version a list would answer is shown as <c>{latest}</c>.
/// </summary>
public sealed class AzureMlAssets(AzureMlSession session, string workspaceRoot)
{
    public const string LatestPlaceholder = "{latest}";

    private readonly Dictionary<string, Task<string>> latest = new(StringComparer.Ordinal);

    private AzureMlWorkspace Workspace => session.Workspace;

    /// <summary>A compute reference (<c>azureml:cpu-cluster</c>, a name or an ARM id) as an ARM id; null for serverless.</summary>
    public string? ComputeId(string reference)
    {
        var value = reference.StartsWith(AssetReference.Prefix, StringComparison.OrdinalIgnoreCase) ? reference[AssetReference.Prefix.Length..] : reference;
        return value.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) ? value
            : value.Equals("serverless", StringComparison.OrdinalIgnoreCase) ? null
            : Workspace.Compute(value);
    }

    /// <summary>An environment (reference or inline image) as the ARM id of an environment version.</summary>
    public async Task<string> EnvironmentIdAsync(YamlNode node, string fromFile, CancellationToken cancellationToken)
    {
        if (node is YamlMapping inline)
        {
            return await AnonymousEnvironmentAsync(inline, fromFile, cancellationToken).ConfigureAwait(false);
        }

        var text = (node as YamlScalar)?.Value ?? throw new AzureMlSpecException(node, "environment must be an azureml: reference or an inline environment");
        return await VersionIdAsync("environments", text, node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>azureml:name:version</c>, <c>azureml:name@latest</c> or an ARM id, as an ARM id of <paramref name="kind"/>.</summary>
    public async Task<string> VersionIdAsync(string kind, string reference, YamlNode? at, CancellationToken cancellationToken)
    {
        if (reference.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase) || reference.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase))
        {
            return reference;
        }

        if (reference.StartsWith("azureml:/subscriptions/", StringComparison.OrdinalIgnoreCase))
        {
            return reference[AssetReference.Prefix.Length..];
        }

        var parsed = AssetReference.TryParse(reference) ?? throw new AzureMlSpecException(at, $"'{reference}' is not an azureml: reference");
        if (parsed.Version is not null)
        {
            return Workspace.AssetVersion(kind, parsed.Name, parsed.Version);
        }

        if (parsed.Label is not null && !parsed.Label.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            throw new AzureMlSpecException(at, $"'{reference}': Azure ML resolves only the label 'latest' for {kind}");
        }

        return Workspace.AssetVersion(kind, parsed.Name, await LatestVersionAsync(kind, parsed.Name, at, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The newest version of an asset in the workspace, by listing its versions newest first.</summary>
    public Task<string> LatestVersionAsync(string kind, string name, YamlNode? at, CancellationToken cancellationToken)
    {
        lock (latest)
        {
            if (!latest.TryGetValue($"{kind}/{name}", out var task))
            {
                task = ListLatestAsync(kind, name, at, cancellationToken);
                latest[$"{kind}/{name}"] = task;
            }

            return task;
        }
    }

    private async Task<string> ListLatestAsync(string kind, string name, YamlNode? at, CancellationToken cancellationToken)
    {
        var newestFirst = $"{Workspace.Id}/{kind}/{name}/versions?$orderBy=createdtime desc&$top=1";
        var list = await session.Channel.GetAsync(newestFirst, cancellationToken).ConfigureAwait(false);
        if (session.Channel.Offline)
        {
            return LatestPlaceholder;
        }

        return list?["value"]?.AsArray().FirstOrDefault()?["name"]?.GetValue<string>()
            ?? throw new AzureMlSpecException(
                at, $"workspace {Workspace.Name} has no version of {Singular(kind)} '{name}'; create one first (az ml {Singular(kind)} create)");
    }

    /// <summary>A data input or output path as a URI the job can read: local files are uploaded, assets resolved, URLs kept.</summary>
    public async Task<string> DataUriAsync(YamlNode node, string path, string fromFile, CancellationToken cancellationToken)
    {
        if (AssetReference.IsReference(path) && !path.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase))
        {
            return AssetReference.Prefix + await VersionIdAsync("data", path, node, cancellationToken).ConfigureAwait(false);
        }

        if (path.Contains("://", StringComparison.Ordinal))
        {
            return path;
        }

        var datastore = await session.DatastoreAsync(cancellationToken).ConfigureAwait(false);
        var content = await LocalAsync(node, path, fromFile, cancellationToken).ConfigureAwait(false);
        return datastore.AzureMlUri(await datastore.UploadAsync(content, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A local code folder as a code asset version (anonymous, named by its content), uploaded first.</summary>
    public async Task<string> CodeIdAsync(YamlNode node, string path, string fromFile, CancellationToken cancellationToken)
    {
        if (path.StartsWith(AssetReference.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return await VersionIdAsync("codes", path, node, cancellationToken).ConfigureAwait(false);
        }

        var content = await LocalAsync(node, path, fromFile, cancellationToken).ConfigureAwait(false);
        var datastore = await session.DatastoreAsync(cancellationToken).ConfigureAwait(false);
        var uploaded = await datastore.UploadAsync(content, cancellationToken).ConfigureAwait(false);
        var id = Workspace.AssetVersion("codes", content.Digest.Hex, "1");
        var body = new JsonObject { ["properties"] = new JsonObject { ["codeUri"] = datastore.BlobUri(uploaded.TrimEnd('/')), ["isAnonymous"] = true } };
        await session.Channel.PutAsync(id, body, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>A local file or folder of the repository, hashed; a path leaving the repository or a link is refused.</summary>
    public async Task<LocalContent> LocalAsync(YamlNode? node, string path, string fromFile, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(workspaceRoot);
        var relativeFile = Path.GetRelativePath(root, Path.GetFullPath(fromFile)).Replace('\\', '/');
        var resolved = WorkspacePaths.Resolve(relativeFile, path) ?? throw new AzureMlSpecException(node, $"path '{path}' leaves the repository");
        var full = Path.Combine(root, resolved);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null || new DirectoryInfo(full).LinkTarget is not null)
        {
            throw new AzureMlSpecException(node, $"path '{path}' is a symbolic link; RepoML uploads only files of the repository");
        }

        return Directory.Exists(full) ? await LocalContent.FromFolderAsync(full, cancellationToken).ConfigureAwait(false)
            : info.Exists ? await LocalContent.FromFileAsync(full, cancellationToken).ConfigureAwait(false)
            : throw new AzureMlSpecException(node, $"path '{path}' does not exist ({resolved})");
    }

    /// <summary>An inline environment (an image, or a Docker build context uploaded first) as an anonymous environment version.</summary>
    private async Task<string> AnonymousEnvironmentAsync(YamlMapping inline, string fromFile, CancellationToken cancellationToken)
    {
        var windows = (inline.GetString("os_type") ?? "linux").Equals("windows", StringComparison.OrdinalIgnoreCase);
        var properties = new JsonObject { ["osType"] = windows ? "Windows" : "Linux", ["isAnonymous"] = true };
        if (inline.GetString("image") is { } image)
        {
            properties["image"] = image;
        }
        else if (inline.GetMapping("build") is { } build)
        {
            var context = await LocalAsync(build["path"], build.GetString("path") ?? ".", fromFile, cancellationToken).ConfigureAwait(false);
            var datastore = await session.DatastoreAsync(cancellationToken).ConfigureAwait(false);
            var uploaded = await datastore.UploadAsync(context, cancellationToken).ConfigureAwait(false);
            properties["build"] = new JsonObject
            {
                ["contextUri"] = datastore.BlobUri(uploaded),
                ["dockerfilePath"] = build.GetString("dockerfile_path") ?? "Dockerfile",
            };
        }
        else
        {
            throw new AzureMlSpecException(inline, "an inline environment needs an image or a build context");
        }

        if (inline.GetString("conda_file") is { } conda)
        {
            var content = await LocalAsync(inline["conda_file"], conda, fromFile, cancellationToken).ConfigureAwait(false);
            properties["condaFile"] = await File.ReadAllTextAsync(content.Files[0].LocalPath, cancellationToken).ConfigureAwait(false);
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(properties.ToJsonString())))[..32];
        var id = Workspace.AssetVersion("environments", "CliV2AnonymousEnvironment", version);
        await session.Channel.PutAsync(id, new JsonObject { ["properties"] = properties }, cancellationToken).ConfigureAwait(false);
        return id;
    }

    private static string Singular(string kind) => kind switch { "data" => "data", "codes" => "code", _ => kind.TrimEnd('s') };
}
