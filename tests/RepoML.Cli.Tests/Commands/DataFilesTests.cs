namespace RepoML.Cli.Tests.Commands;

/// <summary>A command test class whose every test runs repoml in its own temporary folder (<see cref="DataFiles"/>), removed after it.</summary>
public abstract class DataFilesTests : IDisposable
{
    protected DataFiles Files { get; } = new();

    public void Dispose()
    {
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}
