namespace RepoML.Tests.Shared;

/// <summary>A fact that runs against a real Azurite, and is skipped (not failed) where Azurite is not installed.</summary>
public sealed class AzuriteFactAttribute() : InstalledFactAttribute(AzuriteServer.FindExecutable() is null
    ? $"'{AzuriteServer.Executable}' is not on PATH; install Azurite (npm install -g azurite@3.35.0) to run the Azure Blob tests."
    : null);
