using RepoML.Core.Naming;

namespace RepoML.Core.Specs.Kinds;

/// <summary>Azure ML naming rules, reported as RML0106 when broken.</summary>
public static class NamingRules
{
    /// <summary>Online and batch endpoints: 3 to 32 characters, a letter first, letters, digits and hyphens, no trailing hyphen.</summary>
    public static StringSchema Endpoint { get; } = new(
        NameGate.EndpointPattern,
        "an endpoint name: 3-32 letters, digits or hyphens, starting with a letter and not ending with a hyphen",
        IsName: true);

    /// <summary>Online and batch deployments follow the endpoint rule.</summary>
    public static StringSchema Deployment { get; } = new(
        NameGate.EndpointPattern,
        "a deployment name: 3-32 letters, digits or hyphens, starting with a letter and not ending with a hyphen",
        IsName: true);

    /// <summary>Models, environments and data: up to 255 letters, digits, hyphens, underscores or periods, starting with a letter or digit.</summary>
    public static StringSchema Asset { get; } = new(
        NameGate.AssetPattern,
        "an asset name: up to 255 letters, digits, '-', '_' or '.', starting with a letter or digit",
        IsName: true);

    /// <summary>Components: lowercase letters, digits and underscores, starting with a lowercase letter, at most 255.</summary>
    public static StringSchema Component { get; } = new(
        "^[a-z][a-z0-9_]{0,254}$",
        "a component name: up to 255 lowercase letters, digits or underscores, starting with a lowercase letter",
        IsName: true);
}
