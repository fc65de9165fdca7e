using Azure.Identity;

namespace RepoML.Azure;

/// <summary>
/// The Azure credential of a run, from the variables of the environment RepoML is given: a service principal
/// (<c>AZURE_TENANT_ID</c>, <c>AZURE_CLIENT_ID</c> and <c>AZURE_CLIENT_SECRET</c> or <c>AZURE_CLIENT_CERTIFICATE_PATH</c>),
/// workload identity (<c>AZURE_FEDERATED_TOKEN_FILE</c>), else Azure.Identity's default chain (managed identity,
/// Azure CLI, …). <see cref="EnsureAsync"/> asks for a token once, up front, so a missing or failing credential is one
/// clear line instead of an error from the middle of a deployment.
/// </summary>
public static class AzureMlCredentials
{
    public const string WhatToSet =
        "run 'az login', or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (a service principal) or AZURE_FEDERATED_TOKEN_FILE (workload identity)";

    public static TokenCredential Create(Func<string, string?> environment)
    {
        var tenant = environment("AZURE_TENANT_ID");
        var client = environment("AZURE_CLIENT_ID");
        var secret = environment("AZURE_CLIENT_SECRET");
        var certificate = environment("AZURE_CLIENT_CERTIFICATE_PATH");
        var tokenFile = environment("AZURE_FEDERATED_TOKEN_FILE");
        var authority = environment("AZURE_AUTHORITY_HOST") is { } host ? new Uri(host) : AzureAuthorityHosts.AzurePublicCloud;
        if (secret is not null || certificate is not null || tokenFile is not null)
        {
            var missing = new[] { ("AZURE_TENANT_ID", tenant), ("AZURE_CLIENT_ID", client) }.Where(v => string.IsNullOrEmpty(v.Item2)).Select(v => v.Item1).ToList();
            if (missing.Count > 0)
            {
                throw new AzureMlCredentialException($"no Azure credential: a service principal also needs {string.Join(" and ", missing)}; {WhatToSet}");
            }
        }

        if (secret is not null)
        {
            return new ClientSecretCredential(tenant, client, secret, Options(new ClientSecretCredentialOptions { AuthorityHost = authority }));
        }

        if (certificate is not null)
        {
            return new ClientCertificateCredential(tenant, client, certificate, Options(new ClientCertificateCredentialOptions { AuthorityHost = authority }));
        }

        if (tokenFile is not null)
        {
            return new WorkloadIdentityCredential(Options(
                new WorkloadIdentityCredentialOptions { TenantId = tenant, ClientId = client, TokenFilePath = tokenFile, AuthorityHost = authority }));
        }

        if (!string.IsNullOrEmpty(client) && !string.IsNullOrEmpty(tenant))
        {
            throw new AzureMlCredentialException("no Azure credential: AZURE_CLIENT_ID and AZURE_TENANT_ID are set without AZURE_CLIENT_SECRET, "
                + $"AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE; {WhatToSet}");
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ExcludeEnvironmentCredential = true,
            ExcludeInteractiveBrowserCredential = true,
            ManagedIdentityClientId = client,
        });
    }

    /// <summary>Gets an ARM token once; a credential that has none, or fails to sign in, becomes one line saying what to set.</summary>
    public static async Task EnsureAsync(TokenCredential credential, CancellationToken cancellationToken)
    {
        try
        {
            await credential.GetTokenAsync(new TokenRequestContext([AzureMlApi.Scope]), cancellationToken).ConfigureAwait(false);
        }
        catch (CredentialUnavailableException ex)
        {
            throw new AzureMlCredentialException($"no Azure credential found; {WhatToSet}", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            // The innermost error says what went wrong (AADSTS…: invalid client secret, connection refused); Azure.Core's retry text does not.
            var reason = ex.GetBaseException().Message.Split('\n', 2)[0].Trim();
            var what = credential is DefaultAzureCredential ? "no Azure credential found" : "Azure sign-in failed";
            throw new AzureMlCredentialException($"{what} ({reason}); {WhatToSet}", ex);
        }
    }

    private static T Options<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        return options;
    }
}
