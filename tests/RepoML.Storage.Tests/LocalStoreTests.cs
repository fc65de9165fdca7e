namespace RepoML.Storage.Tests;

/// <summary>Tests over a <see cref="LocalFolderArtifactStore"/> in <c>store/</c> of a temporary folder, both removed after each test.</summary>
public abstract class LocalStoreTests : IDisposable
{
    protected LocalStoreTests() => Store = new LocalFolderArtifactStore(Temp["store"]);

    /// <summary>The temporary folder: the store is its <c>store/</c>; tests write their inputs beside it.</summary>
    protected TempFolder Temp { get; } = new();

    protected LocalFolderArtifactStore Store { get; }

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
