namespace RepoML.Cli.Tests.AzureMl;

/// <summary>A missing or failing Azure credential is a usage error (exit 2) with the one line that says what to set.</summary>
public sealed class AzureMlCredentialTests
{
    [Fact]
    public async Task Should_exit_2_with_one_line_When_the_service_principal_is_incomplete()
    {
        // Given: a secret, but no tenant or client.
        var environment = SampleRepository.Environment();
        environment["AZURE_CLIENT_SECRET"] = "s3cret";

        // When
        var run = await SampleRepository.RunAsync(RepositoryRoot.Path, environment, "run", "pipelines/train.yml", "--target", "azureml");

        // Then
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no Azure credential: a service principal also needs AZURE_TENANT_ID and AZURE_CLIENT_ID;", line, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Should_exit_2_with_one_line_When_signing_in_fails()
    {
        // Given: a complete service principal whose authority cannot be reached.
        var environment = SampleRepository.Environment();
        environment["AZURE_TENANT_ID"] = "00000000-0000-0000-0000-000000000002";
        environment["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000003";
        environment["AZURE_CLIENT_SECRET"] = "s3cret";
        environment["AZURE_AUTHORITY_HOST"] = $"https://127.0.0.1:{FreePort.Pick()}/";

        // When
        var run = await SampleRepository.RunAsync(RepositoryRoot.Path, environment, "deploy", "endpoints/credit", "--target", "azureml");

        // Then: the credential is checked before anything else, and the SDK's credential chain is not printed.
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Azure sign-in failed (", line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
    }
}
