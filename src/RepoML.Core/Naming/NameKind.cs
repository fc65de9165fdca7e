namespace RepoML.Core.Naming;

/// <summary>Which Azure ML naming rule a name follows, for <see cref="NameGate"/>.</summary>
public enum NameKind
{
    /// <summary>Models, environments, data (and their labels): up to 255 letters, digits, '-', '_' or '.', a letter or digit first.</summary>
    Asset,

    /// <summary>Online and batch endpoints and deployments: 3-32 letters, digits or hyphens, a letter first, no trailing hyphen.</summary>
    Endpoint,

    /// <summary>Anything else that becomes one path segment (event sinks, collections): like <see cref="Asset"/>, '_' first allowed.</summary>
    Segment,
}
