using System.Globalization;
using RepoML.Core.Packaging;

namespace RepoML.Containers;

/// <summary>
/// Builds images from a Dockerfile with buildah (no daemon), reproducibly: <c>--timestamp</c> pins the config's and
/// history's times and every file time in the layers, no identity label names the buildah version, and layers are
/// squashed per build so equal inputs give equal digests. Pushes to an OCI archive or a registry.
/// </summary>
public sealed class BuildahImageBuilder(ToolProcess tools)
{
    /// <summary>Builds and returns the image id (the config digest).</summary>
    public async Task<string> BuildAsync(ImageBuildRequest request, CancellationToken cancellation)
    {
        var idFile = Path.Combine(Path.GetTempPath(), $"repoml-iid-{Guid.NewGuid():N}");
        List<string> args =
        [
            "build", "--format", "oci", "--layers=false", "--identity-label=false", "--pull=missing",
            "--timestamp", request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "--iidfile", idFile, "-f", request.Dockerfile, "-t", request.Tag,
        ];
        foreach (var (key, value) in request.BuildArgs.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            args.AddRange(["--build-arg", $"{key}={value}"]);
            if (key == "BASE_IMAGE" && ImageReference.TryParse(value, out var reference, out _) && reference.IsLoopbackRegistry)
            {
                args.Add("--tls-verify=false");
            }
        }

        foreach (var (key, value) in request.Annotations)
        {
            args.AddRange(["--annotation", $"{key}={value}"]);
        }

        args.Add(".");
        try
        {
            await tools.RunAsync("buildah", args, cancellation, request.ContextFolder);
            return (await File.ReadAllTextAsync(idFile, cancellation)).Trim();
        }
        finally
        {
            File.Delete(idFile);
        }
    }

    /// <summary>Writes the image as an OCI archive (readable as <c>oci-archive:PATH</c>) and returns its manifest digest.</summary>
    public Task<string> PushArchiveAsync(string image, string archivePath, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivePath))!);
        File.Delete(archivePath);
        return PushAsync(image, $"oci-archive:{Path.GetFullPath(archivePath)}:{ImageReference.Parse(image).Tag ?? "latest"}", tlsVerify: true,
            cancellation);
    }

    /// <summary>Pushes to a registry (plain HTTP for a loopback one) and returns the manifest digest there.</summary>
    public Task<string> PushRegistryAsync(string image, ImageReference destination, CancellationToken cancellation) =>
        PushAsync(image, "docker://" + destination, tlsVerify: !destination.IsLoopbackRegistry, cancellation);

    /// <summary>The image's size in containers-storage (uncompressed, all layers).</summary>
    public async Task<long> SizeAsync(string image, CancellationToken cancellation)
    {
        var result = await tools.RunAsync("podman", ["image", "inspect", "--format", "{{.Size}}", image], cancellation);
        return long.Parse(result.Output.Trim(), CultureInfo.InvariantCulture);
    }

    public async Task<bool> ExistsAsync(string image, CancellationToken cancellation) => await IdAsync(image, cancellation) is not null;

    /// <summary>The id (config digest, <c>sha256:…</c> as a build's iidfile has it) of an image in local storage, or null.</summary>
    public async Task<string?> IdAsync(string image, CancellationToken cancellation)
    {
        var result = await tools.RunAsync("buildah", ["inspect", "--type", "image", "--format", "{{.FromImageID}}", image], cancellation,
            check: false);
        return result.ExitCode == 0 && result.Output.Trim() is { Length: > 0 } id
            ? id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id
            : null;
    }

    private async Task<string> PushAsync(string image, string destination, bool tlsVerify, CancellationToken cancellation)
    {
        var digestFile = Path.Combine(Path.GetTempPath(), $"repoml-digest-{Guid.NewGuid():N}");
        try
        {
            await tools.RunAsync("buildah", ["push", $"--tls-verify={(tlsVerify ? "true" : "false")}", "--digestfile", digestFile, image,
                destination], cancellation);
            return (await File.ReadAllTextAsync(digestFile, cancellation)).Trim();
        }
        finally
        {
            File.Delete(digestFile);
        }
    }
}
