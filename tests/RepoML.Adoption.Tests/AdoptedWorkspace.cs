using RepoML.Tests.Shared;

namespace RepoML.Adoption.Tests;

/// <summary>
/// Exactly what a new team does, once for every test: `dotnet cake --target=Pack` in this repository; then, with an
/// isolated DOTNET_CLI_HOME and NUGET_PACKAGES, outside this repository's tree: install the template from
/// artifacts/packages, `dotnet new repoml -o my-ml`, a nuget.config naming that folder, `git init`, a commit,
/// `dotnet tool restore` and `dotnet cake` (the whole loop).
/// </summary>
public sealed class AdoptedWorkspace : IAsyncLifetime
{
    private readonly TempFolder temp = new("adopt");

    public string Temp => temp.Path;

    public string Workspace => Path.Combine(Temp, "my-ml");

    public string Packages => Path.Combine(RepositoryRoot.Path, "artifacts", "packages");

    public string Version { get; private set; } = "";

    public CommandLine Shell { get; private set; } = null!;

    public CommandLine.Result Loop { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var repository = new CommandLine(null, null);
        await repository.RunAsync(RepositoryRoot.Path, "dotnet", "tool", "restore");
        var pack = (await repository.RunAsync(RepositoryRoot.Path, "dotnet", "cake", "--target=Pack")).Succeeded("dotnet cake --target=Pack");
        Version = System.Text.RegularExpressions.Regex.Match(pack.Output, @"Packing RepoML (\S+) into").Groups[1].Value;
        Assert.NotEqual("", Version);

        Shell = new CommandLine(Path.Combine(Temp, "home"), Path.Combine(Temp, "nuget-packages"));
        (await Shell.RunAsync(Temp, "dotnet", "new", "install", Path.Combine(Packages, $"RepoML.Templates.{Version}.nupkg")))
            .Succeeded("dotnet new install");
        (await Shell.RunAsync(Temp, "dotnet", "new", "repoml", "-o", Workspace)).Succeeded("dotnet new repoml");
        await WriteFeedAsync(Workspace);
        await GitAsync(Workspace, "init", "--quiet", "--initial-branch=main");
        await GitAsync(Workspace, "add", "-A");
        await GitAsync(Workspace, "commit", "--quiet", "-m", "A RepoML workspace from dotnet new repoml");
        (await Shell.RunAsync(Workspace, "dotnet", "tool", "restore")).Succeeded("dotnet tool restore");
        Loop = await Shell.RunAsync(Workspace, "dotnet", "cake");
    }

    public Task DisposeAsync()
    {
        // A server the loop left behind would hold the folder; deploy --down is part of the loop, so this is a safety net.
        temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A nuget.config naming artifacts/packages, as the README tells a team trying unreleased packages.</summary>
    public Task WriteFeedAsync(string folder) => File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="repoml-local" value="{Packages}" />
          </packageSources>
        </configuration>
        """);

    public async Task<string> GitAsync(string folder, params string[] arguments) =>
        (await Shell.RunAsync(folder, "git", arguments)).Succeeded($"git {string.Join(' ', arguments)}").Output;
}
