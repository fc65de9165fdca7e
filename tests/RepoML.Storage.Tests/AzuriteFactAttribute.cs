namespace RepoML.Storage.Tests;

/// <summary>A fact that runs against a real Azurite, and is skipped (not failed) where Azurite is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        if (AzuriteFixture.FindExecutable() is null)
        {
            Skip = $"'{AzuriteFixture.Executable}' is not on PATH; install Azurite (npm install -g azurite) to run the Azure Blob store tests.";
        }
    }
}
