namespace RepoML.Cli.Tests.Support;

/// <summary>Minimal valid spec files for CLI tests.</summary>
internal static class Samples
{
    public const string Model = SampleSpecs.Model;

    public static readonly string Endpoint = SampleSpecs.Endpoint(("blue", 100));

    public static readonly string Deployment = SampleSpecs.Deployment("blue", withCode: false);

    public static TempWorkspace ValidWorkspace() => new TempWorkspace()
        .Write("models/credit.yml", Model)
        .Write("models/credit/README.md", "files live in the store")
        .Write("endpoints/credit/endpoint.yml", Endpoint)
        .Write("endpoints/credit/blue.yml", Deployment);
}
