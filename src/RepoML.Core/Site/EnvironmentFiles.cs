namespace RepoML.Core.Site;

/// <summary>
/// What an environment version is built from, read from its spec as the registration commit holds it: a base image, a conda
/// file, a Docker build context's Dockerfile (texts cut at <see cref="MaxChars"/>; a file the commit lacks is null).
/// </summary>
public sealed record EnvironmentFiles(string Spec, string? Image, string? CondaPath, string? Conda, string? DockerfilePath, string? Dockerfile)
{
    public const int MaxChars = 20_000;

    /// <param name="read">A file's text at the registration commit, by repository path; null when absent.</param>
    public static EnvironmentFiles? Read(string specPath, Func<string, string?> read)
    {
        if (read(specPath) is not { } text)
        {
            return null;
        }

        var root = SpecFileLoader.Load(specPath, FileText.Of(text)).Root;
        var conda = root?.GetString("conda_file") is { } c && !WorkspacePaths.IsRemote(c) ? WorkspacePaths.Resolve(specPath, c) : null;
        var build = root?.GetMapping("build");
        var context = build?.GetString("path") is { } p && !WorkspacePaths.IsRemote(p) ? WorkspacePaths.Resolve(specPath, p) : null;
        var dockerfile = context is null ? null : $"{context.TrimEnd('/')}/{build!.GetString("dockerfile_path") ?? "Dockerfile"}";
        return new EnvironmentFiles(specPath, root?.GetString("image"), conda, Cut(conda is null ? null : read(conda)), dockerfile,
            Cut(dockerfile is null ? null : read(dockerfile)));
    }

    private static string? Cut(string? text) => text is { Length: > MaxChars } ? text[..MaxChars] + "\n…" : text;
}
