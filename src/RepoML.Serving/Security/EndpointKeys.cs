namespace RepoML.Serving.Security;

/// <summary>An endpoint's two keys: either authorises a request, so one can be rotated while the other is in use.</summary>
public sealed record EndpointKeys(string Primary, string Secondary);
