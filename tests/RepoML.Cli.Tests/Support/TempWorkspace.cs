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

    public void Dispose() => folder.Dispose();
}
