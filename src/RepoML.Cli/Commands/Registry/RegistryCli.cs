using RepoML.Core.Artifacts;

namespace RepoML.Cli.Commands.Registry;

/// <summary>Options and plumbing shared by the registry commands: kind, branch, store, expected errors as exit codes.</summary>
internal static class RegistryCli
{
    public const string StoreVariable = RegistryAccess.StoreVariable;

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Option<string> Kind() => new("--kind")
    {
        Description = "Asset kind: model, data or environment.",
        DefaultValueFactory = _ => "model",
    };

    public static Option<string?> Branch() => new("--branch")
    {
        Description = $"Branch whose first-parent history numbers versions (default: {DefaultBranch.Variable}, else " +
            $"main/master/origin/main/origin/master).",
    };

    public static Option<string?> Store() => new("--store")
    {
        Description = $"Artifact store address (default: {StoreVariable}, else .repoml/store).",
    };

    /// <summary>Runs a registry command, turning expected registry problems into an error line and exit code 1.</summary>
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (RegistryException ex)
        {
            await context.Error.WriteLineAsync($"error {ex.Id}: {RegistryAccess.Explain(context, ex)}");
            return (int)ExitCode.Invalid;
        }
        catch (ArtifactNotFoundException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message} (is the store shared? pass --store or set {StoreVariable})");
            return (int)ExitCode.Invalid;
        }
        catch (ArtifactCorruptException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
    }

    public static int Run(CliContext context, Func<int> action) => RunAsync(context, () => Task.FromResult(action())).GetAwaiter().GetResult();

    public static void WriteJson(CliContext context, JsonNode node) => context.Output.WriteLine(node.ToJsonString(Indented));
}
