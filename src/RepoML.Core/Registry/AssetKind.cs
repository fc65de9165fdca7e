namespace RepoML.Core.Registry;

/// <summary>The kinds of asset the Git registry versions: models, data assets and environments.</summary>
public enum AssetKind
{
    Model,
    Data,
    Environment,
}
