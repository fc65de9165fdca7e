using System.Text.RegularExpressions;

namespace RepoML.Containers;

/// <summary>
/// Makes a base image for the scoring server without pulling anything: a distroless root filesystem from this
/// machine's libraries (the ldd closure of what .NET, ASP.NET Core and ONNX Runtime load, plus OpenSSL 3, which .NET
/// opens at run time) or a debootstrap minbase Debian. Both get this machine's .NET and ASP.NET Core runtime (the
/// server in an image is framework-dependent; <see cref="HostDotnetRuntime"/>), the non-root <c>app</c> user
/// (uid 1654) and a writable <c>/var/lib/repoml</c>, and are built reproducibly (all times at the Unix epoch).
/// </summary>
public sealed partial class BaseImageBuilder(ToolProcess tools)
{
    /// <summary>The libraries .NET, ASP.NET Core and ONNX Runtime load; their ldd closure adds libc and the loader.</summary>
    private static readonly string[] SeedLibraries =
        ["libstdc++.so.6", "libgcc_s.so.1", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libssl.so.3", "libcrypto.so.3", "libz.so.1"];

    private static readonly string[] LibraryFolders = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64"];

    /// <summary>The local tag of a variant: it names the .NET runtime inside, so a runtime update makes a new base.</summary>
    public static string DefaultTag(BaseImageVariant variant) => $"localhost/repoml/base:{TagSuffix(variant)}";

    /// <summary>
    /// <c>distroless-dotnet10.0.12-r2</c>: the variant, the runtime this process (and so the base) has, and the revision of
    /// this builder's layout, so a base from an older layout is not taken for this one.
    /// </summary>
    public static string TagSuffix(BaseImageVariant variant) =>
        $"{variant.ToString().ToLowerInvariant()}-dotnet{Environment.Version}-r{LayoutRevision}";

    /// <summary>Raised whenever what goes into a base changes (r2: the unused runtime libraries are left out).</summary>
    private const int LayoutRevision = 2;

    /// <summary>Builds the base image into containers-storage under <paramref name="tag"/> and returns its image id.</summary>
    public async Task<string> BuildAsync(BaseImageVariant variant, string tag, string workFolder, CancellationToken cancellation)
    {
        var runtime = HostDotnetRuntime.Current();
        var folder = Path.Combine(workFolder, "base-" + variant.ToString().ToLowerInvariant());
        if (Directory.Exists(folder))
        {
            await tools.RunAsync("rm", ["-rf", folder], cancellation);
        }

        var rootfs = Path.Combine(folder, "rootfs");
        Directory.CreateDirectory(rootfs);
        if (variant == BaseImageVariant.Distroless)
        {
            await CopyLibraryClosureAsync(rootfs, cancellation);
        }
        else
        {
            await tools.RunAsync("debootstrap", ["--variant=minbase", "bookworm", rootfs, DebianMirror()], cancellation);
        }

        AddUserAndFolders(rootfs, variant);
        runtime.CopyInto(rootfs);
        var tar = Path.Combine(folder, "rootfs.tar");
        if (variant == BaseImageVariant.Distroless)
        {
            DeterministicTar.Write(rootfs, tar, DateTimeOffset.UnixEpoch, path => path.StartsWith("var/lib/repoml",
                StringComparison.Ordinal) ? 1654 : 0);
        }
        else
        {
            // GNU tar for debootstrap trees: device nodes and hard links; sorted, times and owners fixed.
            await tools.RunAsync("tar", ["--sort=name", "--mtime=@0", "--numeric-owner", "--exclude=./dev/*", "--exclude=./proc/*",
                "--exclude=./sys/*",
                "--exclude=./var/cache/apt/*", "--exclude=./var/lib/apt/lists/*", "--exclude=./var/log/*",
                "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime", "-C", rootfs, "-cf", tar, "."], cancellation);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "Dockerfile"), $"""
            FROM scratch
            ADD rootfs.tar /
            LABEL org.opencontainers.image.description="RepoML {variant.ToString().ToLowerInvariant()} base with the ASP.NET Core {runtime.Version} runtime"
            ENV DOTNET_ROOT={HostDotnetRuntime.ImageDotnetRoot}
            USER 1654:1654

            """, cancellation);
        var id = await new BuildahImageBuilder(tools).BuildAsync(
            new ImageBuildRequest(folder, tag, DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), []), cancellation);
        await tools.RunAsync("rm", ["-rf", rootfs], cancellation);
        return id;
    }

    private async Task CopyLibraryClosureAsync(string rootfs, CancellationToken cancellation)
    {
        var seeds = SeedLibraries.Select(Locate).OfType<string>().ToList();
        var ldd = await tools.RunAsync("ldd", seeds, cancellation, check: false);
        var files = new SortedSet<string>(seeds, StringComparer.Ordinal);
        foreach (Match match in LddPath().Matches(ldd.Output))
        {
            files.Add(match.Groups["path"].Value);
        }

        foreach (var file in files)
        {
            // Keep the path the loader and ldd use (/lib64/ld-linux…, /lib/x86_64-linux-gnu/…), with the real file's bytes.
            var target = Path.Combine(rootfs, file.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.GetFullPath(new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file), target, overwrite: true);
            SetMode(target, 0b111_101_101);
        }
    }

    private static void AddUserAndFolders(string rootfs, BaseImageVariant variant)
    {
        var etc = Path.Combine(rootfs, "etc");
        Directory.CreateDirectory(etc);
        var passwd = Path.Combine(etc, "passwd");
        var group = Path.Combine(etc, "group");
        if (variant == BaseImageVariant.Distroless)
        {
            File.WriteAllText(passwd, "root:x:0:0:root:/root:/sbin/nologin\n");
            File.WriteAllText(group, "root:x:0:\n");
        }

        File.AppendAllText(passwd, "app:x:1654:1654:app:/var/lib/repoml:/sbin/nologin\n");
        File.AppendAllText(group, "app:x:1654:\n");
        var tmp = Directory.CreateDirectory(Path.Combine(rootfs, "tmp"));
        SetMode(tmp.FullName, 0b1_111_111_111);
        Directory.CreateDirectory(Path.Combine(rootfs, "var", "lib", "repoml"));
        Directory.CreateDirectory(Path.Combine(rootfs, "app"));
    }

    private static void SetMode(string path, int mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)mode);
        }
    }

    private static string? Locate(string library) =>
        LibraryFolders.Select(f => Path.Combine(f, library)).FirstOrDefault(File.Exists);

    /// <summary>The machine's Debian mirror (deb822 or one-line sources), else deb.debian.org.</summary>
    private static string DebianMirror()
    {
        foreach (var file in Directory.Exists("/etc/apt/sources.list.d")
            ? Directory.GetFiles("/etc/apt/sources.list.d").Order(StringComparer.Ordinal).ToArray() : [])
        {
            if (MirrorLine().Match(File.ReadAllText(file)) is { Success: true } match)
            {
                return match.Groups["uri"].Value;
            }
        }

        return "http://deb.debian.org/debian";
    }

    [GeneratedRegex(@"(?:=>\s*|^\s*)(?<path>/\S+)\s+\(0x", RegexOptions.Multiline)]
    private static partial Regex LddPath();

    [GeneratedRegex(@"^URIs:\s*(?<uri>\S+/debian)\s*$", RegexOptions.Multiline)]
    private static partial Regex MirrorLine();
}
