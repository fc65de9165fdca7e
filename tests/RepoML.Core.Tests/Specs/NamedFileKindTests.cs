using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Specs;

/// <summary>A file asked for by name that says neither by <c>$schema</c> nor by its folder what it is is not silently called valid.</summary>
public sealed class NamedFileKindTests
{
    [Fact]
    public void Should_Warn_When_AFileAskedForByNameHasNoKindRepoMLCanTell()
    {
        // Given a deployment file without $schema outside the workspace folders, and a conda file an environment points at
        var files = new InMemoryWorkspaceFiles()
            .With("deploy/blue.yml", "name: blue\nendpoint_name: my-endpoint\nmodel: azureml:m:1\n")
            .With("envs/env.yml", "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: env\n" +
                "image: python:3.11\nconda_file: conda.yml\n")
            .With("envs/conda.yml", "name: env\ndependencies: [python=3.11]\n");

        // When these files are asked for by name
        var workspace = WorkspaceLoader.Load(files, ["deploy/blue.yml", "envs/conda.yml", "envs/env.yml"]);

        // Then the deployment gets a RML0009 warning at its first line; the conda file, a resource of the environment, does not
        var warning = Assert.Single(workspace.Files.SelectMany(f => f.Diagnostics));
        Assert.Equal((DiagnosticIds.UnknownKind.Id, Severity.Warning, "deploy/blue.yml", 1, 1),
            (warning.Id, warning.Severity, warning.File, warning.Line, warning.Column));
        Assert.Contains("$schema", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NotWarn_When_AFolderIsAskedForAndHoldsNonSpecYaml()
    {
        // Given a folder with a file that is no spec
        var files = new InMemoryWorkspaceFiles().With("configs/settings.yml", "retries: 3\n");

        // When the folder is asked for
        var workspace = WorkspaceLoader.Load(files, ["configs"]);

        // Then nothing is said about it
        Assert.Empty(workspace.Files.SelectMany(f => f.Diagnostics));
    }
}
