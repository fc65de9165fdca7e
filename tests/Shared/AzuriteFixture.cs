namespace RepoML.Tests.Shared;

/// <summary>A real Azurite (<see cref="AzuriteServer"/>) shared by the tests of a class: started once, killed at dispose; absent where Azurite is not installed.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteServer? Server { get; private set; }

    public int Port => Server?.Port ?? 0;

    public string ConnectionString => Server?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running");

    public async Task InitializeAsync()
    {
        if (AzuriteServer.FindExecutable() is not null)
        {
            Server = await AzuriteServer.StartAsync(); // otherwise the tests are skipped by AzuriteFactAttribute
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
