namespace RepoML.Storage.Tests;

public sealed class ArtifactStoreFactoryTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    // A folder that does not exist: a fixed name ("/tmp/ws") found someone's real workspace there, with committed objects to read through to.
    private static readonly string Workspace = Path.Combine(Path.GetTempPath(), "repoml-absent-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Should_UseTheWorkspaceStore_When_NoAddressIsGiven()
    {
        // Given / When
        var store = ArtifactStoreFactory.Create(null, Workspace, NoEnvironment);

        // Then
        var local = Assert.IsType<LocalFolderArtifactStore>(store);
        Assert.Equal(Path.Combine(Workspace, ".repoml", "store"), local.Root);
    }

    [Theory]
    [InlineData("shared/store", "shared/store")]
    [InlineData("/mnt/team/store", "/mnt/team/store")]
    [InlineData("file:///mnt/team/store", "/mnt/team/store")]
    public void Should_UseALocalFolder_When_AddressIsAPath(string address, string expected)
    {
        // Given / When
        var store = ArtifactStoreFactory.Create(address, Workspace, NoEnvironment);

        // Then
        Assert.Equal(Path.GetFullPath(expected, Workspace), Assert.IsType<LocalFolderArtifactStore>(store).Root);
    }

    [Fact]
    public void Should_UseAzureBlobWithoutLeakingTheToken_When_SasTokenIsSet()
    {
        // Given
        var environment = Env(ArtifactStoreFactory.SasTokenVariable, "?sv=2025-01-01&sig=secret");

        // When
        var store = ArtifactStoreFactory.Create("azureblob://teamstore/artifacts/ci/main", Workspace, environment);

        // Then
        var azure = Assert.IsType<AzureBlobArtifactStore>(store);
        Assert.Equal("https://teamstore.blob.core.windows.net/artifacts/ci/main", azure.Location);
        Assert.Equal("ci/main/objects/2c/f24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            azure.GetBlobName(Digest.Compute("hello"u8)));
    }

    [Fact]
    public void Should_NameTheVariables_When_AzureAddressHasNoCredentials()
    {
        // Given / When
        var error = Assert.Throws<InvalidOperationException>(() => ArtifactStoreFactory.Create("azureblob://teamstore/artifacts", Workspace,
            NoEnvironment));

        // Then
        Assert.Contains(ArtifactStoreFactory.ConnectionStringVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(ArtifactStoreFactory.SasTokenVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_ConnectionStringIsForAnotherAccount()
    {
        // Given
        var environment = Env(ArtifactStoreFactory.ConnectionStringVariable, "AccountName=other;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        // When
        var error = Assert.Throws<InvalidOperationException>(() => ArtifactStoreFactory.Create("azureblob://teamstore/artifacts", Workspace,
            environment));

        // Then
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("azureblob://teamstore", "names no container")]
    [InlineData("azureblob://Team_Store/artifacts", "account 'Team_Store'")]
    [InlineData("azureblob://teamstore/Artifacts", "container 'Artifacts'")]
    [InlineData("s3://bucket/store", "unknown scheme 's3://'")]
    public void Should_ExplainTheExpectedForm_When_AddressIsMalformed(string address, string expectedMessagePart)
    {
        // Given / When
        var error = Assert.Throws<FormatException>(() => ArtifactStoreFactory.Create(address, Workspace, NoEnvironment));

        // Then
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Env(string name, string value) => n => n == name ? value : null;
}
