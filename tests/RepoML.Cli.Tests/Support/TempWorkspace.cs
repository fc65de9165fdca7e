namespace RepoML.Cli.Tests.Support;

/// <summary>A real folder on disk holding a small workspace (its root marked by a .git folder); deleted on dispose.</summary>
internal sealed class TempWorkspace : IDisposable
{
    private readonly TempFolder folder = new("test");

    public TempWorkspace()
    {
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    public string Root => folder.Path;

    public TempWorkspace Write(string relativePath, string text)
    {
        folder.Write(relativePath, text);
        return this;
    }

    public TempWorkspace WriteBytes(string relativePath, byte[] bytes)
    {
        folder.Write(relativePath, bytes);
        return this;
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync(Root, args);

    /// <summary>Every file named <paramref name="name"/> that runs wrote under <c>.repoml/runs</c>.</summary>
    public IEnumerable<string> RunFiles(string name) =>
        Directory.EnumerateFiles(Path.Combine(Root, ".repoml", "runs"), name, SearchOption.AllDirectories);

    /// <summary>Every file named <paramref name="name"/> anywhere in the workspace.</summary>
    public IEnumerable<string> FilesNamed(string name) => Directory.EnumerateFiles(Root, name, SearchOption.AllDirectories);

    public void Dispose() => folder.Dispose();
}
