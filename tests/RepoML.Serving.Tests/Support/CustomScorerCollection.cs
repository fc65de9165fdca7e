namespace RepoML.Serving.Tests.Support;

/// <summary>The custom scorer test classes share one build of the test scorers (and run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class CustomScorerCollection : ICollectionFixture<ScorerBuilds>
{
    public const string Name = "Custom scorers";
}
