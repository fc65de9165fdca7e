using RepoML.Cli.Commands.Registry;
using RepoML.Core.Registry;
using RepoML.Core.Rollout;
using RepoML.Git;

namespace RepoML.Cli.Commands.Rollout;

/// <summary>Runs <c>repoml compare</c> in-process for the candidate against the stable version; exit 0 passes, 4 fails.</summary>
internal static class ComparisonGate
{
    /// <returns>True or false for the verdict; null when the comparison could not run (its error is printed).</returns>
    public static async Task<bool?> RunAsync(CliContext context, GitModelRegistry registry, CompareGate gate, RegisteredVersion candidate, int? baseline, string? store, CancellationToken cancellation)
    {
        var folder = Path.Combine(Path.GetTempPath(), "repoml-promote-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var withStore = RegistryCli.Open(context, registry.Snapshot.Branch, RegistryCli.OpenStore(context, registry.Root, store));
            await withStore.DownloadAsync(candidate.Reference, folder, cancellationToken: cancellation);
            List<string> args = ["compare", candidate.Name, "--candidate", folder, "--policy", gate.Policy];
            if (baseline is { } b)
            {
                args.AddRange(["--baseline", b.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            if (gate.Data is { } data)
            {
                args.AddRange(["--data", data]);
            }

            var quiet = new CliContext(TextWriter.Null, context.Error, registry.Root, context.GetEnvironmentVariable, context.Time, interactive: false);
            var exit = await RepoMLApp.RunAsync([.. args], quiet, cancellation);
            return exit switch
            {
                (int)ExitCode.Success => true,
                (int)ExitCode.GateFailed => false,
                _ => null,
            };
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
