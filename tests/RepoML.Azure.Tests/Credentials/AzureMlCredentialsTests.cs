namespace RepoML.Azure.Tests.Credentials;

/// <summary>A missing or failing Azure credential is one line saying what to set, found before any request is made.</summary>
public sealed class AzureMlCredentialsTests
{
    [Fact]
    public void Should_name_the_missing_variables_When_a_service_principal_is_half_configured()
    {
        // Given: a secret without the tenant and client it belongs to.
        var environment = new Dictionary<string, string> { ["AZURE_CLIENT_SECRET"] = "s3cret" };

        // When
        var error = Assert.Throws<AzureMlCredentialException>(() => AzureMlCredentials.Create(environment.GetValueOrDefault));

        // Then
        Assert.StartsWith("no Azure credential: a service principal also needs AZURE_TENANT_ID and AZURE_CLIENT_ID; run 'az login'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_what_is_missing_When_a_client_id_comes_without_a_secret()
    {
        // Given
        var environment = new Dictionary<string, string> { ["AZURE_TENANT_ID"] = "t", ["AZURE_CLIENT_ID"] = "c" };

        // When
        var error = Assert.Throws<AzureMlCredentialException>(() => AzureMlCredentials.Create(environment.GetValueOrDefault));

        // Then
        Assert.Contains("without AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_be_one_line_saying_what_to_set_When_signing_in_fails()
    {
        // Given: a service principal whose authority answers nothing (a closed port on this machine).
        var environment = new Dictionary<string, string>
        {
            ["AZURE_TENANT_ID"] = "00000000-0000-0000-0000-000000000002",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000003",
            ["AZURE_CLIENT_SECRET"] = "s3cret",
            ["AZURE_AUTHORITY_HOST"] = $"https://127.0.0.1:{FreePort.Pick()}/",
        };
        var credential = AzureMlCredentials.Create(environment.GetValueOrDefault);

        // When
        var error = await Assert.ThrowsAsync<AzureMlCredentialException>(() => AzureMlCredentials.EnsureAsync(credential, CancellationToken.None));

        // Then
        Assert.StartsWith("Azure sign-in failed (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(AzureMlCredentials.WhatToSet, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
