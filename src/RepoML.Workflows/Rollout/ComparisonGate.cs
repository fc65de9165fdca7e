using RepoML.Workflows.Comparison;

namespace RepoML.Workflows.Rollout;

/// <summary>Compares the candidate with the stable version, as <c>repoml compare</c> does, with the plan's policy and data.</summary>
public static class ComparisonGate
{
    /// <returns>True or false for the verdict, null when the comparison could not run (its error is printed); and the failed gates.</returns>
    public static async Task<(bool? Passed, IReadOnlyList<string> Failed)> RunAsync(WorkflowContext context, GitModelRegistry registry, CompareGate gate, RegisteredVersion candidate,
        int? baseline, string? store, CancellationToken cancellation)
    {
        var folder = Path.Combine(Path.GetTempPath(), "repoml-promote-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var withStore = RegistryAccess.Open(context, registry.Snapshot.Branch, RegistryAccess.OpenStore(context, registry.Root, store));
            await withStore.DownloadAsync(candidate.Reference, folder, cancellationToken: cancellation);
            var request = new CompareRequest(candidate.Name, folder, baseline?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                gate.Policy,
                gate.Data, null, null, null, store, candidate.Record.Run);
            var quiet = new WorkflowContext(TextWriter.Null, context.Error, registry.Root, context.Environment, context.Time);
            var result = await CompareRunner.RunAsync(quiet, request, cancellation);
            var failed = result.Report.Gates.Where(g => g.Status == GateStatus.Fail).Select(g => $"{g.Metric} {g.Rule}: {g.Message}").ToList();
            return (result.Failure is null, failed);
        }
        catch (WorkflowException failure) when (failure.Kind != WorkflowFailure.GateFailed)
        {
            await context.Error.WriteLineAsync($"error: {failure.Message}");
            return (null, []);
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
