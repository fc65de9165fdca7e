namespace RepoML.Containers;

/// <summary>
/// Publishes the scoring server (src/RepoML.Serving) self-contained for linux-x64 into a build context folder:
/// no .NET runtime needed in the base image, no symbols. Deterministic compilation makes equal sources give equal bytes.
/// </summary>
public sealed class DotnetServerPublisher(ToolProcess tools)
{
    public const string ProjectPath = "src/RepoML.Serving/RepoML.Serving.csproj";

    public async Task PublishAsync(string project, string outputFolder, CancellationToken cancellation)
    {
        await tools.RunAsync("dotnet",
        [
            "publish", project, "--configuration", "Release", "--runtime", "linux-x64", "--self-contained", "--output", outputFolder, "--nologo",
            "-p:CopyOutputSymbolsToPublishDirectory=false", "-p:GenerateDocumentationFile=false", "-p:ContinuousIntegrationBuild=true",
        ], cancellation);
        foreach (var debugOnly in Directory.EnumerateFiles(outputFolder, "*.pdb", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(outputFolder, "*.xml")))
        {
            File.Delete(debugOnly);
        }
    }
}
