namespace RepoML.Core.Tests.Support;

/// <summary>The workspace port over a dictionary, so Core tests touch no disk.</summary>
internal sealed class InMemoryWorkspaceFiles : IWorkspaceFiles
{
    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    public InMemoryWorkspaceFiles With(string path, string text = "")
    {
        files[path] = text;
        return this;
    }

    /// <summary>Replaces <paramref name="find"/>, which must be there, in the file at <paramref name="path"/>.</summary>
    public InMemoryWorkspaceFiles Edit(string path, string find, string replace)
    {
        Assert.Contains(find, files[path], StringComparison.Ordinal);
        files[path] = files[path].Replace(find, replace, StringComparison.Ordinal);
        return this;
    }

    public InMemoryWorkspaceFiles Without(string path)
    {
        files.Remove(path);
        return this;
    }

    public IEnumerable<string> EnumerateFiles(string relativeFolder) =>
        files.Keys.Where(p => relativeFolder.Length == 0 || p.StartsWith(relativeFolder + "/", StringComparison.Ordinal));

    public bool FileExists(string relativePath) => files.ContainsKey(relativePath);

    public bool DirectoryExists(string relativePath) =>
        relativePath.Length == 0 || files.Keys.Any(p => p.StartsWith(relativePath + "/", StringComparison.Ordinal));

    public FileText Read(string relativePath, long maxBytes)
    {
        var text = files[relativePath];
        return text.Length > maxBytes ? new FileText(null, FileTextProblem.TooLarge, text.Length) : FileText.Of(text);
    }
}
