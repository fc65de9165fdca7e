namespace RepoML.Core.Profiles;

/// <summary>A registered data version a model's run read, and the path of the profile committed with it.</summary>
public sealed record TrainingData(string Name, int Version, string Profile)
{
    /// <summary>How <c>models show</c> and <c>lineage</c> print it.</summary>
    public override string ToString() => $"{Name}:{Version} profile {Profile}";
}
