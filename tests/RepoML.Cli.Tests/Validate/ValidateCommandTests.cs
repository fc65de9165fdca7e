using Snapshooter.Xunit;

namespace RepoML.Cli.Tests.Validate;

public sealed class ValidateCommandTests
{
    [Theory]
    [InlineData("validate", 0, "Workspace valid: 3 spec file(s)")]
    [InlineData("validate --output xml", 2, "'xml' is not an output format")]
    [InlineData("validate nowhere.yml", 2, "does not exist")]
    public async Task Should_exit_with_the_code_and_say_why_When_the_clean_workspace_is_validated(string command, int exitCode, string says)
    {
        // Given the clean sample workspace
        using var workspace = Samples.ValidWorkspace();

        // When it is validated as a whole, with an unknown output format, or at a path that does not exist
        var run = await workspace.RunAsync(command.Split(' '));

        // Then the exit code says how it went: the verdict on standard output, a usage error (exit 2) on standard error
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(says, exitCode == 0 ? run.Output : run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_render_compiler_style_with_caret_When_a_field_is_misspelled()
    {
        // Given a deployment with a misspelled key on line 6
        using var workspace = Samples.ValidWorkspace()
            .Write("endpoints/credit/blue.yml", Samples.Deployment.Replace("instance_count", "instance_cuont", StringComparison.Ordinal));

        // When it is validated
        var run = await workspace.RunAsync("validate");

        // Then the error names file:line:col, suggests the right key and underlines it
        Assert.Equal(1, run.ExitCode);
        Snapshot.Match(run.Output);
    }

    [Fact]
    public async Task Should_print_exactly_one_json_object_When_output_is_json()
    {
        using var workspace = Samples.ValidWorkspace()
            .Write("endpoints/credit/endpoint.yml", Samples.Endpoint.Replace("blue: 100", "blue: 90", StringComparison.Ordinal));

        var run = await workspace.RunAsync("validate", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("RML0301", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("endpoints/credit/endpoint.yml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("column").GetInt32());
        Assert.Single(json.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task Should_give_null_position_When_problem_has_none()
    {
        using var workspace = Samples.ValidWorkspace().WriteBytes("models/broken.yml", [0x6E, 0x3A, 0xFF, 0xFE, 0x00]);

        var run = await workspace.RunAsync("validate", "--output", "json");

        using var json = JsonDocument.Parse(run.Output);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("RML0006", diagnostic.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("line").ValueKind);
    }

    [Fact]
    public async Task Should_print_annotation_commands_When_output_is_for_ci()
    {
        using var workspace = Samples.ValidWorkspace()
            .Write("endpoints/credit/blue.yml", Samples.Deployment.Replace("instance_count: 1", "instance_count: -1", StringComparison.Ordinal));

        var azure = await workspace.RunAsync("validate", "--output", "azure-pipelines");
        var github = await workspace.RunAsync("validate", "--output", "github");

        Assert.StartsWith("##vso[task.logissue type=error;sourcepath=endpoints/credit/blue.yml;linenumber=6;columnnumber=17;code=RML0105]",
            azure.Output, StringComparison.Ordinal);
        Assert.StartsWith("::error file=endpoints/credit/blue.yml,line=6,col=17,title=RML0105::", github.Output, StringComparison.Ordinal);
        Assert.Equal((1, 1), (azure.ExitCode, github.ExitCode));
    }

    [Fact]
    public async Task Should_report_only_requested_files_When_paths_are_given()
    {
        // Given an invalid endpoint and a valid model
        using var workspace = Samples.ValidWorkspace()
            .Write("endpoints/credit/endpoint.yml", Samples.Endpoint.Replace("blue: 100", "blue: 5", StringComparison.Ordinal));

        // When only the model is validated
        var run = await workspace.RunAsync("validate", "models/credit.yml");

        // Then the endpoint's error is not reported
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Should_report_every_hostile_file_without_crashing_When_workspace_holds_garbage()
    {
        // Given an alias bomb, deep nesting, a huge file, duplicate keys and binary garbage
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 10).Select(i
            => $"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat(i == 1 ? "*a" : $"*a{i - 1}", 10))}]\n"));
        using var workspace = Samples.ValidWorkspace()
            .Write("models/bomb.yml", bomb)
            .Write("models/deep.yml", new string('[', 5000))
            .Write("models/huge.yml", "name: " + new string('x', 5 * 1024 * 1024))
            .Write("models/dup.yml", "name: a\nname: b\n")
            .WriteBytes("models/garbage.yml", Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray());

        var run = await workspace.RunAsync("validate", "--output", "json");

        using var json = JsonDocument.Parse(run.Output);
        var ids = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (File: d.GetProperty("file").GetString(), Id: d.GetProperty("id").GetString())).ToList();
        Assert.Contains(("models/bomb.yml", "RML0005"), ids);
        Assert.Contains(("models/deep.yml", "RML0007"), ids);
        Assert.Contains(("models/huge.yml", "RML0004"), ids);
        Assert.Contains(("models/dup.yml", "RML0002"), ids);
        Assert.Contains(("models/garbage.yml", "RML0006"), ids);
        Assert.Equal(1, run.ExitCode);
    }
}
