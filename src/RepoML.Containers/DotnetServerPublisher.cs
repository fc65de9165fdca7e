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
        Slim(outputFolder);
    }

    /// <summary>Removes what only debuggers and dump tools use (symbols, doc XML, createdump, the DAC/DBI: ~5 MB) from a server folder.</summary>
    public static void Slim(string serverFolder)
    {
        var named = DebugOnlyFiles.Select(f => Path.Combine(serverFolder, f)).Where(File.Exists);
        foreach (var debugOnly in Directory.EnumerateFiles(serverFolder, "*.pdb",
            SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(serverFolder, "*.xml")).Concat(named).ToList())
        {
            File.Delete(debugOnly);
        }
    }

    private static readonly string[] DebugOnlyFiles = ["createdump", "libmscordaccore.so", "libmscordbi.so"];
}
