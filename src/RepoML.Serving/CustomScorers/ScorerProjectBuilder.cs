using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace RepoML.Serving.CustomScorers;

/// <summary>
/// Builds scorer projects with the real <c>dotnet build -c Release</c> into a content-addressed cache
/// (<c>.repoml/scorers/DIGEST/bin</c>), so an unchanged code folder is never built twice. Nothing is written into the
/// code folder (intermediate files go to the cache too), dependencies are copied next to the scorer for its load
/// context to find, and only the running platform's native files are kept. An entry appears by an atomic folder rename
/// once its build succeeded; a failed build leaves nothing behind. Only the last few builds of each project are kept
/// (<see cref="ScorerCacheEntries"/>).
/// </summary>
/// <param name="runtime">The runtime identifier to build for (linux-x64 for an image); default: this process's.</param>
public sealed partial class ScorerProjectBuilder(string cacheFolder, DotnetCli dotnet, string? runtime = null)
{
    private const string Marker = "assembly.txt";
    private const int ErrorLines = 5;

    /// <summary>The cache root (<c>.repoml/scorers</c>).</summary>
    public string CacheFolder { get; } = cacheFolder;

    /// <summary>The runtime identifier builds are for: native files for it only.</summary>
    public string Runtime { get; } = runtime ?? CurrentRuntime;

    /// <summary>The portable runtime identifier of this process (linux-x64, osx-arm64…).</summary>
    public static string CurrentRuntime
    {
        get
        {
            var os = OperatingSystem.IsMacOS() ? "osx" : RuntimeInformation.RuntimeIdentifier.Contains("musl",
                StringComparison.Ordinal) ? "linux-musl" : "linux";
            return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
        }
    }

    /// <summary>The digest naming <paramref name="source"/>'s cache entry: its code folder's content, project and runtime.</summary>
    public string DigestOf(ScorerSource source) =>
        ScorerFolderDigest.Compute(source.CodeFolder, $"{source.ScoringScript.Replace('\\', '/')}|{Runtime}|{Environment.Version.Major}");

    /// <summary>Returns the cached build of <paramref name="source"/> (a project) for <paramref name="digest"/>, building it first if
    /// needed.</summary>
    /// <param name="displayRoot">Paths in error messages are shown relative to this folder (the workspace root).</param>
    /// <exception cref="ScorerLoadException">The build failed; the message holds the compiler's first errors.</exception>
    public async Task<ScorerBuild> BuildAsync(ScorerSource source, string digest, string displayRoot, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var entry = Path.Combine(CacheFolder, digest);
        if (Cached(entry) is { } cached)
        {
            ScorerCacheEntries.Touch(entry);
            return new ScorerBuild(cached, digest, Built: false, clock.Elapsed);
        }

        var staging = Directory.CreateDirectory(Path.Combine(CacheFolder, $"{digest}.tmp-{Guid.NewGuid():N}")).FullName;
        try
        {
            var target = Path.Combine(staging, "target.txt");
            var (exit, output) = await dotnet.RunAsync(
            [
                "build", source.Path, "--configuration", "Release", "--runtime", Runtime, "--no-self-contained",
                "--output", Path.Combine(staging, "bin"), "--artifacts-path", Path.Combine(staging, "obj"), "-p:EnableDynamicLoading=true",
                "--disable-build-servers", "-tl:off", "-v:q", "-nologo", "-t:Build", "-getProperty:TargetPath", $"-getResultOutputFile:{target}",
            ], source.CodeFolder, cancellation);
            if (exit != 0)
            {
                throw new ScorerLoadException($"deployment '{source.Deployment}': building {Shown(source.Path, displayRoot)} failed " +
                    $"(dotnet build exit {exit}):"
                    + Environment.NewLine + FirstErrors(output, displayRoot));
            }

            var assembly = Path.GetRelativePath(staging, File.ReadAllText(target).Trim());
            if (!File.Exists(Path.Combine(staging, assembly)))
            {
                throw new ScorerLoadException($"deployment '{source.Deployment}': building {Shown(source.Path, displayRoot)} produced " +
                    $"no assembly ({assembly})");
            }

            Directory.Delete(Path.Combine(staging, "obj"), recursive: true);
            File.Delete(target);
            File.WriteAllText(Path.Combine(staging, Marker), assembly.Replace(Path.DirectorySeparatorChar, '/'));
            var project = ScorerCacheEntries.ProjectKey(source, Runtime);
            ScorerCacheEntries.Record(staging, project);
            Publish(staging, entry);
            ScorerCacheEntries.Touch(entry);
            ScorerCacheEntries.Prune(CacheFolder, project);
            return new ScorerBuild(Cached(entry) ?? throw new ScorerLoadException($"scorer cache entry {entry} is incomplete"), digest,
                Built: true, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static string? Cached(string entry)
    {
        var marker = Path.Combine(entry, Marker);
        if (!File.Exists(marker))
        {
            return null;
        }

        var assembly = Path.GetFullPath(File.ReadAllText(marker).Trim(), entry);
        return File.Exists(assembly) ? assembly : null;
    }

    private static void Publish(string staging, string entry)
    {
        try
        {
            Directory.Move(staging, entry);
        }
        catch (IOException) when (Cached(entry) is not null)
        {
            // Another server built the same content at the same time: its entry is as good as ours.
        }
    }

    /// <summary>The compiler's first error lines, without the trailing project in brackets, paths shown relative.</summary>
    private static string FirstErrors(string output, string displayRoot)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Where(l => ErrorLine().IsMatch(l)).Select(l => Shown(ProjectSuffix().Replace(l, ""),
            displayRoot)).Distinct(StringComparer.Ordinal).ToList();
        var shown = errors.Count > 0 ? errors.Take(ErrorLines) : lines.TakeLast(ErrorLines);
        var more = errors.Count > ErrorLines ? $"{Environment.NewLine}  … and {errors.Count - ErrorLines} more" : "";
        return string.Join(Environment.NewLine, shown.Select(l => "  " + l)) + more;
    }

    private static string Shown(string text, string displayRoot) =>
        text.Replace(Path.TrimEndingDirectorySeparator(displayRoot) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    [GeneratedRegex(@"(^|\W)error [A-Z]+\d+\s*:|^error\s*:|: error\s*:")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s+\[[^\[\]]+\]$")]
    private static partial Regex ProjectSuffix();
}
