using System.Runtime.InteropServices;

namespace RepoML.Containers;

/// <summary>
/// The .NET and ASP.NET Core runtime this process runs on, copied into a base image's root filesystem at
/// <see cref="ImageDotnetRoot"/> in the layout of Microsoft's <c>aspnet</c> images (muxer, hostfxr, shared frameworks).
/// The server in an image is framework-dependent, so the base needs exactly this; taking it from the machine means
/// nothing is downloaded and the image runs the runtime the tool was tested on.
/// </summary>
public sealed record HostDotnetRuntime(string DotnetRoot, string Version)
{
    /// <summary>Where the runtime lives in images (as in mcr.microsoft.com/dotnet/aspnet).</summary>
    public const string ImageDotnetRoot = "/usr/share/dotnet";

    /// <summary>
    /// Files the server never loads (~7.8 MB): the debugger and dump tools, the standalone GCs (only with
    /// DOTNET_GCName) and the LTTng trace provider (it needs liblttng-ust, which a distroless base does not have).
    /// </summary>
    private static readonly string[] UnusedFiles =
        ["createdump", "libmscordaccore.so", "libmscordbi.so", "libclrgc.so", "libclrgcexp.so", "libcoreclrtraceptprovider.so"];

    /// <summary>The runtime of this process; throws when it is not a linux-x64 runtime with ASP.NET Core beside it.</summary>
    public static HostDotnetRuntime Current()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new ContainerToolException(
                $"a base image needs a linux-x64 .NET runtime, and this machine runs {RuntimeInformation.RuntimeIdentifier}; " +
                "use a base with the ASP.NET Core 10 runtime instead (--base-image mcr.microsoft.com/dotnet/aspnet:10.0)");
        }

        // …/shared/Microsoft.NETCore.App/<version>/
        var framework = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = framework.Parent?.Parent?.Parent?.FullName
            ?? throw new ContainerToolException($"cannot tell the .NET root from {framework.FullName}");
        var runtime = new HostDotnetRuntime(root, framework.Name);
        foreach (var required in runtime.Folders().Append(Path.Combine(root, "dotnet")))
        {
            if (!Path.Exists(Path.Combine(root, required)))
            {
                throw new ContainerToolException($"the .NET installation in {root} has no {required}; install the ASP.NET Core {framework.Name} runtime");
            }
        }

        return runtime;
    }

    /// <summary>Copies the muxer, hostfxr and both shared frameworks into <paramref name="rootfs"/>; returns the files copied.</summary>
    public int CopyInto(string rootfs)
    {
        var target = Path.Combine(rootfs, ImageDotnetRoot.TrimStart('/'));
        var count = CopyFile(Path.Combine(DotnetRoot, "dotnet"), Path.Combine(target, "dotnet"));
        foreach (var folder in Folders())
        {
            var from = Path.Combine(DotnetRoot, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!UnusedFiles.Contains(Path.GetFileName(file), StringComparer.Ordinal))
                {
                    count += CopyFile(file, Path.Combine(target, folder, Path.GetRelativePath(from, file)));
                }
            }
        }

        // The aspnet images put the muxer on the PATH.
        var bin = Directory.CreateDirectory(Path.Combine(rootfs, "usr", "bin")).FullName;
        var link = Path.Combine(bin, "dotnet");
        if (!Path.Exists(link))
        {
            File.CreateSymbolicLink(link, ImageDotnetRoot + "/dotnet");
        }

        return count;
    }

    private IEnumerable<string> Folders() =>
    [
        Path.Combine("host", "fxr", Version),
        Path.Combine("shared", "Microsoft.NETCore.App", Version),
        Path.Combine("shared", "Microsoft.AspNetCore.App", Version),
    ];

    private static int CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
        File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        return 1;
    }
}
