namespace RepoML.Workflows.Disk;

/// <summary>The workspace files port on the real disk, rooted at the repository folder.</summary>
public sealed class DiskWorkspaceFiles(string root) : IWorkspaceFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Root { get; } = Path.GetFullPath(root);

    public IEnumerable<string> EnumerateFiles(string relativeFolder)
    {
        var folder = Full(relativeFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(folder, "*", options)
            .Select(Relative)
            .Where(p => !p.Split('/').Any(segment => segment is ".git" or "bin" or "obj" or ".repoml" or "node_modules"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public bool FileExists(string relativePath) => File.Exists(Full(relativePath));

    public bool DirectoryExists(string relativePath) => Directory.Exists(Full(relativePath));

    public string? LinkProblem(string relativePath) => RepositoryLinks.Problem(Root, Full(relativePath));

    public FileText Read(string relativePath, long maxBytes)
    {
        var path = Full(relativePath);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return new FileText(null, FileTextProblem.TooLarge, length);
            }

            var bytes = File.ReadAllBytes(path);
            try
            {
                var text = StrictUtf8.GetString(bytes);
                return new FileText(text.TrimStart('\uFEFF'), FileTextProblem.None, length);
            }
            catch (DecoderFallbackException)
            {
                return new FileText(null, FileTextProblem.NotUtf8, length);
            }
        }
        catch (IOException)
        {
            return new FileText(null, FileTextProblem.Unreadable, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return new FileText(null, FileTextProblem.Unreadable, 0);
        }
    }

    public string Full(string relativePath) => relativePath.Length == 0 ? Root : Path.Combine(Root, relativePath.Replace('/',
        Path.DirectorySeparatorChar));

    /// <summary>The workspace-relative form of an absolute path, or null when it is outside the root.</summary>
    public string? TryRelative(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(fullPath));
        return relative == "." ? "" : relative.StartsWith("..",
            StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private string Relative(string fullPath) => TryRelative(fullPath) ?? fullPath;
}
