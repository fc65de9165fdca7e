using static RepoML.Core.Workspace.Validation.ValidationContext;

namespace RepoML.Core.Workspace.Validation;

/// <summary>Endpoints and deployments: membership, traffic, mirror traffic, models, code.</summary>
internal sealed class EndpointRule(ValidationContext context)
{
    /// <summary>Azure ML caps mirrored (shadow) traffic at 50 %.</summary>
    public const int MaxMirrorTrafficPercent = 50;

    public void CheckOnlineEndpoint(SpecFile endpoint)
    {
        var deployments = context.Workspace.DeploymentsOf(endpoint).Select(d => d.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var live = new Dictionary<string, long>(StringComparer.Ordinal);
        if (endpoint.Root!.Entry("traffic") is { Value: YamlMapping traffic } trafficEntry)
        {
            long sum = 0;
            foreach (var entry in traffic.Entries)
            {
                CheckDeploymentName(endpoint, entry, deployments, "traffic");
                if (entry.Value is YamlScalar s && s.TryGetInteger(out var percent))
                {
                    sum += percent;
                    live[entry.Key.Value] = percent;
                }
            }

            if (sum != 100 && sum != 0)
            {
                Report(endpoint, DiagnosticIds.TrafficSum, trafficEntry.Key.Span,
                    $"traffic adds up to {sum} %; it must total 100 (or 0 to stop traffic)");
            }
        }

        if (endpoint.Root.Entry("mirror_traffic") is { Value: YamlMapping mirror } mirrorEntry)
        {
            long sum = 0;
            foreach (var entry in mirror.Entries)
            {
                CheckDeploymentName(endpoint, entry, deployments, "mirror_traffic");
                if (entry.Value is YamlScalar s && s.TryGetInteger(out var percent))
                {
                    sum += percent;
                    if (percent > 0 && live.GetValueOrDefault(entry.Key.Value) > 0)
                    {
                        Report(endpoint, DiagnosticIds.MirrorTraffic, entry.Key.Span,
                            $"deployment '{entry.Key.Value}' takes live traffic ({live[entry.Key.Value]} %) and cannot also receive " +
                            $"mirrored traffic");
                    }
                }
            }

            if (sum > MaxMirrorTrafficPercent)
            {
                Report(endpoint, DiagnosticIds.MirrorTraffic, mirrorEntry.Key.Span,
                    $"mirror_traffic adds up to {sum} %; Azure ML allows at most {MaxMirrorTrafficPercent} %");
            }
        }
    }

    private void CheckDeploymentName(SpecFile endpoint, YamlEntry entry, IReadOnlySet<string> deployments, string field)
    {
        if (deployments.Contains(entry.Key.Value) || SchemaValidator.IsTemplatePlaceholder(entry.Key.Value))
        {
            return;
        }

        var suggestion = StringDistance.Closest(entry.Key.Value, deployments);
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        var known = deployments.Count == 0 ? "it has none" : "it has " + string.Join(", ", deployments.Order(StringComparer.Ordinal));
        Report(endpoint, DiagnosticIds.TrafficUnknownDeployment, entry.Key.Span,
            $"{field} names deployment '{entry.Key.Value}', which is not a deployment of endpoint '{endpoint.Name}' ({known}){hint}");
    }

    public void CheckBatchEndpoint(SpecFile endpoint)
    {
        if (endpoint.Root!.GetMapping("defaults")?.Entry("deployment_name") is { Value: YamlScalar { IsNull: false } name } entry
            && !SchemaValidator.IsTemplatePlaceholder(name.Value)
            && context.Workspace.DeploymentsOf(endpoint).All(d => d.Name != name.Value))
        {
            Report(endpoint, DiagnosticIds.TrafficUnknownDeployment, entry.Value.Span,
                $"default deployment '{name.Value}' is not a deployment of batch endpoint '{endpoint.Name}'");
        }
    }

    public void CheckDeployment(SpecFile deployment)
    {
        var root = deployment.Root!;
        var endpointName = root.Entry("endpoint_name");
        var endpoint = context.Workspace.EndpointOf(deployment);
        if (endpointName is null && endpoint is null)
        {
            Report(deployment, DiagnosticIds.MissingByCliFlag, root.Span,
                "no 'endpoint_name' and no single endpoint file beside it; the endpoint must come from a CLI flag");
        }
        else if (endpointName?.Value is YamlScalar { IsNull: false } named && !SchemaValidator.IsTemplatePlaceholder(named.Value) && endpoint is null)
        {
            Report(deployment, DiagnosticIds.UnresolvedReference, named.Span, $"endpoint '{named.Value}' is not defined in this workspace");
        }

        switch (root.Entry("model") is { } model ? model.Value : null)
        {
            case YamlScalar:
                context.References.CheckReference(deployment, root.Entry("model"), SpecKind.Model);
                break;
            case YamlMapping inline:
                context.Paths.CheckLocalPath(deployment, inline.Entry("path"), mustBeFolder: null);
                break;
        }

        context.References.CheckEnvironmentUse(deployment, root.Entry("environment"));
        if (root.GetMapping("code_configuration") is { } code)
        {
            var folder = context.Paths.CheckLocalPath(deployment, code.Entry("code"), mustBeFolder: true);
            if (folder is not null && code.Entry("scoring_script") is { Value: YamlScalar { IsNull: false } script } scriptEntry
                && !context.Files.FileExists($"{folder}/{script.Value.Replace('\\', '/')}"))
            {
                Report(deployment, DiagnosticIds.MissingPath, scriptEntry.Value.Span,
                    $"scoring script '{script.Value}' does not exist in code folder '{folder}'");
            }

            CheckScoringScriptKind(deployment, code.Entry("scoring_script"));
        }
    }

    /// <summary>Online deployments run a Python script (container target) or a .NET scorer project or assembly (repoml serve).</summary>
    private void CheckScoringScriptKind(SpecFile deployment, YamlEntry? entry)
    {
        if (deployment.Kind is not (SpecKind.ManagedOnlineDeployment or SpecKind.KubernetesOnlineDeployment)
            || entry?.Value is not YamlScalar { IsNull: false } script || SchemaValidator.IsTemplatePlaceholder(script.Value))
        {
            return;
        }

        var extension = Path.GetExtension(script.Value).ToLowerInvariant();
        if (extension is not (".py" or ".csproj" or ".dll"))
        {
            var hint = extension == ".cs" ? "; for C# source files, name the project that compiles them" : "";
            Report(deployment, DiagnosticIds.UnservableScoringScript, script.Span,
                $"scoring script '{script.Value}' is neither a Python script (.py, container target) nor a .NET scorer project " +
                    $"(.csproj) or assembly (.dll){hint}");
        }
    }
}
