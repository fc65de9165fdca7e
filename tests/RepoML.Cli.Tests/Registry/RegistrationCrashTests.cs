using System.Diagnostics;

namespace RepoML.Cli.Tests.Registry;

/// <summary><c>kill -9</c> of a real <c>repoml register</c> process at the worst moment: nothing is lost.</summary>
public sealed class RegistrationCrashTests
{
    [Fact]
    public async Task Should_announce_the_version_on_the_next_command_When_register_is_killed_between_its_commit_and_its_event()
    {
        // Given a real `repoml register` process held just after its registration commit, before the outbox append
        using var workspace = RegistryCliTests.GitWorkspace();
        workspace.Write("trained/model.onnx", "bytes-1");
        using var register = CliProcess.Start(workspace.Root, ["register", "models/credit.yml", "--path", "trained"],
            new Dictionary<string, string> { ["REPOML_HALT_AT"] = "registration-committed" });
        await WaitForHaltAsync(register);

        // When it is killed with SIGKILL there
        register.Kill(entireProcessTree: true);
        await register.WaitForExitAsync();
        Assert.Contains("Register model credit", TestGit.Run(workspace.Root, "log", "-1", "--format=%s"), StringComparison.Ordinal);
        var outbox = Path.Combine(workspace.Root, ".repoml", "events", "outbox.jsonl");
        Assert.False(File.Exists(outbox) && File.ReadAllText(outbox).Contains("ModelRegistered", StringComparison.Ordinal));

        // Then the next command announces credit:1, once; re-registering the same content adds nothing
        var listed = await workspace.RunAsync("events", "list");
        Assert.Contains("announced model credit:1", listed.Error, StringComparison.Ordinal);
        Assert.Equal(["credit:1"], await RegisteredEventsAsync(workspace));
        Assert.Equal(0, (await workspace.RunAsync("register", "models/credit.yml", "--path", "trained")).ExitCode);
        Assert.Equal(["credit:1"], await RegisteredEventsAsync(workspace));
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".repoml", "events", "intents"))
            && Directory.EnumerateFiles(Path.Combine(workspace.Root, ".repoml", "events", "intents")).Any());
    }

    private static async Task<string[]> RegisteredEventsAsync(TempWorkspace workspace)
    {
        var run = await workspace.RunAsync("events", "list", "--type", "Microsoft.MachineLearningServices.ModelRegistered", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        return [.. JsonDocument.Parse(run.Output).RootElement.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("data").GetProperty("modelName").GetString()}:{e.GetProperty("data").GetProperty("modelVersion").GetString()}")];
    }

    private static async Task WaitForHaltAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("halted at registration-committed", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"the process exited ({process.ExitCode}) before it reached the halt point: {await process.StandardOutput.ReadToEndAsync()}");
    }
}
