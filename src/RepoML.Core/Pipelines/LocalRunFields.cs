namespace RepoML.Core.Pipelines;

/// <summary>
/// Fields of a command job, step or component that a local run cannot honour and must not skip silently: each is an error at its
/// file:line:col (RML0404). Fields that only place or label a job on Azure ML (compute, resources of one node, tags…) are not here:
/// they are ignored, as docs/local-jobs.md lists.
/// </summary>
public static class LocalRunFields
{
    public static IEnumerable<Diagnostic> Problems(string job, YamlMapping definition, YamlMapping component)
    {
        foreach (var map in ReferenceEquals(definition, component) ? [definition] : new[] { definition, component })
        {
            if (map["code"] is YamlScalar { IsNull: false } code && WorkspacePaths.IsRemote(code.Value))
            {
                yield return Diagnostic.At(DiagnosticIds.NotRunnableLocally, code.Span,
                    $"job '{job}': code at '{code.Value}' is not fetched by a local run; point code at a folder of this repository");
            }

            if (map["additional_includes"] is { } includes)
            {
                yield return Diagnostic.At(DiagnosticIds.NotRunnableLocally, includes.Span,
                    $"job '{job}': additional_includes are not copied into the code folder by a local run; move the files under code " +
                    "or run the job on Azure ML");
            }

            var instances = map.GetMapping("resources")?["instance_count"] ?? map["instance_count"];
            if (instances is YamlScalar scalar && scalar.TryGetInteger(out var count) && count > 1)
            {
                yield return Diagnostic.At(DiagnosticIds.NotRunnableLocally, scalar.Span,
                    $"job '{job}': instance_count {count} asks for several nodes; a local run is one process on one machine");
            }
        }
    }

    /// <summary>A command job's or step's <c>limits.timeout</c>, which a local run enforces by killing the command.</summary>
    public static TimeSpan? Timeout(YamlMapping definition) =>
        definition.GetMapping("limits")?["timeout"] is YamlScalar s && s.TryGetInteger(out var seconds) && seconds > 0
        && definition.GetString("type") is null or "command"
            ? TimeSpan.FromSeconds(seconds) : null;
}
