using RepoML.Workflows.Serving;

namespace RepoML.Workflows.Monitoring;

/// <summary>
/// Scores the monitor's baseline with the model the endpoint serves (its deployment with the most traffic, resolved as
/// <c>repoml serve</c> resolves it: the Git registry for <c>azureml:</c> references, else an inline path), so prediction drift
/// compares predictions with predictions (issue 18: against the label column, training-distribution traffic alerted).
/// </summary>
public static class BaselineScoring
{
    /// <returns>The scored baseline, or null with the reason when no deployed model could score it (the label column stands in).</returns>
    public static async Task<(ScoredBaseline? Scored, string? Reason)> ScoreAsync(WorkflowContext context, string root, MonitorSpec spec,
        string endpoint, CellTable baseline, CancellationToken cancel)
    {
        if (!spec.PredictionDrift || baseline.Rows.Count == 0)
        {
            return (null, null);
        }

        var workspace = WorkspaceLoader.Load(new DiskWorkspaceFiles(root));
        var traffic = workspace.OfKind([.. Workspace.OnlineEndpointKinds]).Where(e => (e.Name ?? "") == endpoint)
            .Select(e => ServingSpecReader.ReadEndpoint(e).Traffic).FirstOrDefault() ?? new Dictionary<string, int>();
        var deployments = workspace.OfKind([.. Workspace.OnlineDeploymentKinds])
            .Where(d => d.Root!.GetString("endpoint_name") == endpoint)
            .Select(d => (Spec: d, Settings: ServingSpecReader.ReadDeployment(d)))
            .Where(d => spec.Deployments.Count == 0 || spec.Deployments.Contains(d.Settings.Name))
            .OrderByDescending(d => traffic.GetValueOrDefault(d.Settings.Name)).ThenBy(d => d.Settings.Name, StringComparer.Ordinal).ToList();
        if (deployments.Count == 0)
        {
            return (null, $"endpoint '{endpoint}' has no deployment file");
        }

        var (deployment, settings) = deployments[0];
        try
        {
            var resolver = ServingResolvers.Create(context, root, new Dictionary<string, string>());
            var model = await resolver.ResolveModelAsync(deployment, settings, cancel)
                ?? throw new ModelResolutionException($"deployment '{settings.Name}': no model");
            using var scorer = OnnxRuntimeScorer.Load(ModelFiles.Resolve(model.Path).OnnxPath);
            var output = spec.PredictionOutput ?? scorer.Signature.Outputs.Select(o => o.Name).FirstOrDefault(n => n.StartsWith("PredictedLabel",
                StringComparison.Ordinal)) ?? scorer.Signature.Outputs[0].Name;
            var rows = baseline.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c ?? "")]).ToList();
            var scored = scorer.Score(baseline.Columns, rows, [output])[output];
            var name = model.Name is { } n ? $"{n}:{model.Version}" : Path.GetRelativePath(root, model.Path).Replace('\\', '/');
            return (new ScoredBaseline(output, [.. Enumerable.Range(0, scored.Rows).Select(i => Text(scored, i))],
                $"{name} (deployment {settings.Name})"), null);
        }
        catch (Exception ex) when (ex is ModelResolutionException or TrainingDataException or ScoringInputException or IOException
            or InvalidOperationException or KeyNotFoundException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return (null, ex.Message);
        }
    }

    // As the server writes outputs to model_outputs (JSON true/false for booleans), so both windows read alike.
    private static string? Text(ScoredTensor tensor, int row) =>
        tensor.ElementKind == TensorElementKind.Bool ? (tensor.NumberAt(row) != 0 ? "true" : "false") : tensor.TextAt(row);
}
