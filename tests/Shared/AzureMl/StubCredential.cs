using Azure.Core;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>A fixed token: the only stand-in on the client side; every request still goes through the real ArmClient.</summary>
internal sealed class StubCredential : TokenCredential
{
    public const string Token = "stand-in-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(Token,
        DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => new(GetToken(requestContext, cancellationToken));
}
