using System.IO.Compression;

namespace RepoML.Adoption.Tests;

/// <summary>A team adopts RepoML from the packages alone: the template, the tool and the MSBuild integration.</summary>
public sealed class AdoptionTests(AdoptedWorkspace adopted) : IClassFixture<AdoptedWorkspace>
{
    [Fact]
    public void Should_run_the_whole_loop_from_the_installed_tool_When_a_workspace_is_made_with_dotnet_new()
    {
        // Given the workspace dotnet new made, its tools restored from the packages (the fixture), when dotnet cake ran
        var output = adopted.Loop.Output;

        // Then every step of the loop ran, green, with the tool the template pinned
        Assert.True(adopted.Loop.ExitCode == 0, output);
        var valid = System.Text.RegularExpressions.Regex.Match(output, @"Workspace valid: (\d+) spec file\(s\), 0 warning\(s\)");
        Assert.True(valid.Success, output);
        Assert.InRange(int.Parse(valid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 14, 20);
        Assert.Contains("repoml run pipelines/train.yml", output, StringComparison.Ordinal);
        Assert.Contains("Registered credit:1", output, StringComparison.Ordinal);
        Assert.Contains("smoke test: POST /score sample-request.json -> 200", output, StringComparison.Ordinal);
        Assert.Contains("repoml package endpoints/credit", output, StringComparison.Ordinal);
        Assert.Contains("repoml monitor endpoints/credit", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(adopted.Workspace, "artifacts", "compare", "credit.html")));
        Assert.True(File.Exists(Path.Combine(adopted.Workspace, ".repoml", "package", "credit", "blue", "context", "server", "RepoML.Serving.dll")));
        Assert.Contains($"\"version\": \"{adopted.Version}\"", File.ReadAllText(Path.Combine(adopted.Workspace, ".config", "dotnet-tools.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_dotnet_build_at_the_fields_file_line_and_column_When_a_spec_has_an_unknown_field()
    {
        // Given a typo added to a deployment of the adopted workspace, on its line 10
        var blue = Path.Combine(adopted.Workspace, "endpoints", "credit", "blue.yml");
        var original = await File.ReadAllLinesAsync(blue);
        try
        {
            await File.WriteAllLinesAsync(blue, [.. original.Take(9), "instance_cuont: 1", .. original.Skip(9)]);

            // When the workspace project is built
            var build = await adopted.Shell.RunAsync(adopted.Workspace, "dotnet", "build", "--nologo");

            // Then MSBuild fails with the canonical diagnostic at that line and column
            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains($"{blue}(10,1): error RML0102: unknown field 'instance_cuont'", build.Output, StringComparison.Ordinal);
        }
        finally
        {
            await File.WriteAllLinesAsync(blue, original);
        }

        // And once fixed, it builds, and a second build validates nothing again (incremental)
        var fixedBuild = (await adopted.Shell.RunAsync(adopted.Workspace, "dotnet", "build", "--nologo", "-v:n")).Succeeded("dotnet build");
        Assert.Contains("RepoML: validated", fixedBuild.Output, StringComparison.Ordinal);
        var again = (await adopted.Shell.RunAsync(adopted.Workspace, "dotnet", "build", "--nologo", "-v:n")).Succeeded("dotnet build");
        Assert.DoesNotContain("RepoML: validated", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multiclass", "azure", "iris", "species")]
    [InlineData("regression", "github", "diabetes", "progression")]
    public async Task Should_make_a_valid_workspace_for_the_task_and_ci_chosen_When_options_are_given(string task, string ci, string model, string label)
    {
        // Given a new workspace for another task and one CI system
        var folder = Path.Combine(adopted.Temp, $"ws-{task}");
        (await adopted.Shell.RunAsync(adopted.Temp, "dotnet", "new", "repoml", "-o", folder, "--task", task, "--ci", ci)).Succeeded("dotnet new repoml");
        await adopted.WriteFeedAsync(folder);
        (await adopted.Shell.RunAsync(folder, "dotnet", "tool", "restore")).Succeeded("dotnet tool restore");

        // When its specs are validated by the tool
        var validate = await adopted.Shell.RunAsync(folder, "dotnet", "repoml", "validate");

        // Then they are valid, name the task's model and label, and only the chosen CI is there
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.True(File.Exists(Path.Combine(folder, "data", model, $"{model}.csv")));
        Assert.Contains($"label: {label}", File.ReadAllText(Path.Combine(folder, "models", $"{model}.compare.yml")), StringComparison.Ordinal);
        Assert.Equal(ci == "azure", File.Exists(Path.Combine(folder, "azure-pipelines.yml")));
        Assert.Equal(ci == "github", File.Exists(Path.Combine(folder, ".github", "workflows", "repoml.yml")));
        Assert.False(Directory.Exists(Path.Combine(folder, "data", "samples")));
    }

    [Fact]
    public async Task Should_add_the_workspace_without_touching_existing_files_When_run_in_an_existing_repository()
    {
        // Given a repository with its own README, .gitignore and tool manifest
        var folder = Directory.CreateDirectory(Path.Combine(adopted.Temp, "existing")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        var files = new Dictionary<string, string>
        {
            ["README.md"] = "# Our service\n",
            [".gitignore"] = "bin/\n",
            [".config/dotnet-tools.json"] = "{ \"version\": 1, \"isRoot\": true, \"tools\": {} }\n",
        };
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), text);
        }

        // When the template is used plainly, then for an existing repository
        var plain = await adopted.Shell.RunAsync(folder, "dotnet", "new", "repoml", "-o", folder);
        var existing = await adopted.Shell.RunAsync(folder, "dotnet", "new", "repoml", "-o", folder, "--existing-repo");

        // Then the plain run refuses to overwrite, the existing-repo run adds the workspace and leaves those files alone
        Assert.NotEqual(0, plain.ExitCode);
        Assert.True(existing.ExitCode == 0, existing.Output);
        foreach (var (name, text) in files)
        {
            Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(folder, name)));
        }

        Assert.True(File.Exists(Path.Combine(folder, "REPOML.md")));
        Assert.True(File.Exists(Path.Combine(folder, "models", "credit.yml")));
        Assert.Contains("dotnet tool install --local RepoML.Cli --version " + adopted.Version, existing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_stay_within_the_size_budget_When_the_linux_tool_package_is_downloaded()
    {
        // Given the linux-x64 tool package and the pointer package
        var package = new FileInfo(Path.Combine(adopted.Packages, $"RepoML.Cli.linux-x64.{adopted.Version}.nupkg"));
        using var zip = ZipFile.OpenRead(package.FullName);

        // Then the download is at most 50 MB and holds only linux-x64 native libraries
        Assert.InRange(package.Length, 1_000_000, 50_000_000);
        Assert.Contains(zip.Entries, e => e.Name == "libonnxruntime.so");
        Assert.DoesNotContain(zip.Entries, e => e.Name.EndsWith(".dll", StringComparison.Ordinal) && e.Name.StartsWith("onnxruntime", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(adopted.Packages, $"RepoML.Cli.{adopted.Version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(adopted.Packages, $"RepoML.Cli.win-x64.{adopted.Version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(adopted.Packages, $"RepoML.Cli.osx-arm64.{adopted.Version}.nupkg")));
    }
}
