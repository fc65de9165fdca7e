namespace RepoML.Workflows.Packaging;

/// <summary>
/// Puts a deployment's model files in a folder: an explicit <c>--model PATH</c>, the deployment's inline path, or a
/// registered version (<c>azureml:credit@latest</c>) restored from the artifact store and verified by digest.
/// </summary>
public static class ModelSource
{
    public static async Task<PackagedModel> ResolveAsync(
        WorkflowContext context, string root, SpecFile spec, DeploymentSettings settings, string? overridePath, string scratchFolder,
            CancellationToken cancel)
    {
        var written = settings.Model ?? "";
        var reference = AssetReference.TryParse(written);
        string? folder = overridePath is null ? null : context.FullPath(overridePath);
        if (folder is null && settings.ModelIsInlinePath)
        {
            folder = Path.GetFullPath(written, Path.GetDirectoryName(Path.Combine(root, spec.Path))!);
        }

        if (folder is not null)
        {
            if (!File.Exists(folder) && !Directory.Exists(folder))
            {
                throw WorkflowException.Usage($"model {folder} does not exist");
            }

            if (File.Exists(folder))
            {
                var single = Directory.CreateDirectory(Path.Combine(scratchFolder, "model-file")).FullName;
                File.Copy(folder, Path.Combine(single, "model.onnx"), overwrite: true);
                folder = single;
            }

            var digests = new FileDigests(Path.Combine(scratchFolder, "file-digests.json"));
            return new PackagedModel(folder, reference?.Name ?? settings.Name, written.Length > 0 ? written : folder, null,
                digests.OfFolder(folder).ToString());
        }

        if (reference is null)
        {
            throw WorkflowException.Usage($"deployment '{settings.Name}' has no model; add 'model:' to {spec.Path} or pass --model PATH");
        }

        var target = Path.Combine(scratchFolder, "model-registry");
        var store = RegistryAccess.OpenStore(context, root, null);
        using var registry = RegistryAccess.Open(context, null, store);
        var version = await registry.DownloadAsync(written, target, replaceExisting: true, cancellationToken: cancel);
        return new PackagedModel(target, version.Name, written, version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            version.Digest);
    }
}
