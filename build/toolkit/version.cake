// The version of every package this repository makes, from Git history (docs/adopting.md#versions):
//   - HEAD tagged vX.Y.Z: X.Y.Z;
//   - else MAJOR.MINOR from version.json, and as patch the Git height: the number of first-parent commits that
//     changed what the packages are built from (ProductPaths). Registration and promotion commits do not change the
//     packages, so they do not change the version;
//   - with uncommitted changes to those paths: that version, suffixed -local.<hash of the inputs> so a changed build
//     is never installed over an earlier one with the same number.

/// <summary>What the packages are built from; a change to any of these makes a new version.</summary>
string[] ProductPaths() => new[] { "src", "templates", "build", "Directory.Build.props", "Directory.Packages.props", "global.json", "version.json" };

string Git(params string[] args)
{
    var settings = new ProcessSettings
    {
        Arguments = ProcessArgumentBuilder.FromStrings(args), RedirectStandardOutput = true, RedirectStandardError = true, Silent = true,
    };
    using var process = StartAndReturnProcess("git", settings);
    process.WaitForExit();
    return process.GetExitCode() == 0 ? string.Join("\n", process.GetStandardOutput()).Trim() : null;
}

/// <summary>SHA-256 of every file under ProductPaths that Git would track (committed, changed or new; not ignored).</summary>
string ProductInputHash()
{
    var files = Git(new[] { "ls-files", "--cached", "--others", "--exclude-standard", "--" }.Concat(ProductPaths()).ToArray())
        .Split('\n').Where(f => f.Length > 0 && System.IO.File.Exists(f)).OrderBy(f => f, StringComparer.Ordinal);
    using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
    foreach (var file in files)
    {
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\0"));
        sha.AppendData(System.IO.File.ReadAllBytes(file));
    }

    return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
}

string ProductVersion(string inputHash)
{
    var tag = Git("describe", "--tags", "--exact-match", "--match", "v[0-9]*", "HEAD");
    var json = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText("version.json"));
    var majorMinor = json.RootElement.GetProperty("version").GetString();
    var height = Git(new[] { "rev-list", "--count", "--first-parent", "HEAD", "--" }.Concat(ProductPaths()).ToArray()) ?? "0";
    var version = tag != null ? tag.Substring(1) : $"{majorMinor}.{height}";
    var dirty = Git(new[] { "status", "--porcelain", "--" }.Concat(ProductPaths()).ToArray());
    return string.IsNullOrEmpty(dirty) ? version : $"{version}-local.{inputHash.Substring(0, 10)}";
}
