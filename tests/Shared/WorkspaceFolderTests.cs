namespace RepoML.Tests.Shared;

/// <summary>
/// A test class whose every test works in a fresh folder marked as a workspace root (an empty <c>.git</c> folder, which is how
/// RepoML finds the root), deleted after the test.
/// </summary>
/// <param name="prefix">Names the folder after what the tests do in it, for someone reading /tmp.</param>
public abstract class WorkspaceFolderTests(string prefix) : IDisposable
{
    protected TempFolder Workspace { get; } = MarkedAsRoot(new TempFolder(prefix));

    public void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }

    private static TempFolder MarkedAsRoot(TempFolder folder)
    {
        Directory.CreateDirectory(folder[".git"]);
        return folder;
    }
}
