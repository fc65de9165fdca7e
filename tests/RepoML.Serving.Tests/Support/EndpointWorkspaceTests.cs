namespace RepoML.Serving.Tests.Support;

/// <summary>A test class whose every test gets its own temporary endpoint workspace (<c>endpoints/iris</c> unless named), removed after it.</summary>
public abstract class EndpointWorkspaceTests(string endpoint = "iris") : IDisposable
{
    protected EndpointWorkspace Workspace { get; } = new(endpoint);

    public void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}
