using static RepoML.Core.Workspace.Validation.ValidationContext;

namespace RepoML.Core.Workspace.Validation;

/// <summary>Pipeline jobs: inputs, inline commands, bindings between jobs and the job graph.</summary>
internal sealed class PipelineRule(ValidationContext context, CommandRule commands)
{    public void CheckPipeline(SpecFile pipeline)
    {
        var root = pipeline.Root!;
        commands.CheckInputPaths(pipeline, root.GetMapping("inputs"));
        if (root.GetMapping("jobs") is not { } jobs)
        {
            return;
        }

        var pipelineInputs = Names(root.GetMapping("inputs")).ToHashSet(StringComparer.Ordinal);
        var pipelineOutputs = Names(root.GetMapping("outputs")).ToHashSet(StringComparer.Ordinal);
        var jobOutputs = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        var jobInputs = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        foreach (var job in jobs.Entries)
        {
            var (inputs, outputs) = DeclaredPorts(pipeline, job);
            jobInputs[job.Key.Value] = inputs;
            jobOutputs[job.Key.Value] = outputs;
        }

        var upstream = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var job in jobs.Entries)
        {
            var dependencies = new HashSet<string>(StringComparer.Ordinal);
            upstream[job.Key.Value] = dependencies;
            if (job.Value is not YamlMapping definition)
            {
                continue;
            }

            foreach (var port in definition.GetMapping("inputs")?.Entries ?? [])
            {
                if (jobInputs[job.Key.Value] is { } declared && !declared.Contains(port.Key.Value))
                {
                    var suggestion = StringDistance.Closest(port.Key.Value, declared);
                    var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, port.Key.Span, $"job '{job.Key.Value}' has no input '{port.Key.Value}'{hint}");
                }

                foreach (var (scalar, binding) in BindingSpans.BindingsIn(port.Value))
                {
                    CheckParentBinding(pipeline, scalar, binding, pipelineInputs, pipelineOutputs, jobOutputs, dependencies, allowOutputs: false);
                }
            }

            foreach (var port in definition.GetMapping("outputs")?.Entries ?? [])
            {
                foreach (var (scalar, binding) in BindingSpans.BindingsIn(port.Value))
                {
                    CheckParentBinding(pipeline, scalar, binding, pipelineInputs, pipelineOutputs, jobOutputs, dependencies, allowOutputs: true);
                }
            }

            if (definition["command"] is not null && definition["component"] is null)
            {
                commands.CheckCommand(pipeline, definition);
            }
        }

        if (new JobGraph(upstream).FindCycle() is { } cycle)
        {
            Report(pipeline, DiagnosticIds.PipelineCycle, jobs.Entry(cycle[0])!.Key.Span,
                $"jobs depend on each other in a cycle: {string.Join(" → ", cycle)}");
        }
    }

    private void CheckParentBinding(
        SpecFile pipeline,
        YamlScalar scalar,
        Binding binding,
        IReadOnlySet<string> pipelineInputs,
        IReadOnlySet<string> pipelineOutputs,
        IReadOnlyDictionary<string, IReadOnlySet<string>?> jobOutputs,
        HashSet<string> dependencies,
        bool allowOutputs)
    {
        var span = BindingSpans.Locate(pipeline, scalar, binding);
        switch (binding.Parts)
        {
            case ["parent", "inputs", var name]:
                if (!pipelineInputs.Contains(name))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span,
                        $"'{binding.Text}': the pipeline has no input '{name}'{Hint(name, pipelineInputs)}");
                }

                break;
            case ["parent", "outputs", var name] when allowOutputs:
                if (!pipelineOutputs.Contains(name))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span,
                        $"'{binding.Text}': the pipeline has no output '{name}'{Hint(name, pipelineOutputs)}");
                }

                break;
            case ["parent", "jobs", var job, "outputs", var name]:
                if (!jobOutputs.TryGetValue(job, out var outputs))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span,
                        $"'{binding.Text}': the pipeline has no job '{job}'{Hint(job, jobOutputs.Keys)}");
                    break;
                }

                dependencies.Add(job);
                if (outputs is not null && !outputs.Contains(name))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span,
                        $"'{binding.Text}': job '{job}' has no output '{name}'{Hint(name, outputs)}");
                }

                break;
            case ["name"] or ["default_datastore"] or ["parent", "jobs", _, "inputs", _]:
                break;
            default:
                Report(pipeline, DiagnosticIds.MalformedBinding, span,
                    $"'{binding.Text}' is not a pipeline binding (expected parent.inputs.NAME, parent.outputs.NAME or parent.jobs.JOB.outputs.NAME)");
                break;
        }
    }

    private static string Hint(string name, IEnumerable<string> known) =>
        StringDistance.Closest(name, known) is { } suggestion ? $"; did you mean '{suggestion}'?" : "";

    /// <summary>Inputs and outputs a job declares: its component's, or its own for an inline command. Null when unknown.</summary>
    private (IReadOnlySet<string>? Inputs, IReadOnlySet<string>? Outputs) DeclaredPorts(SpecFile pipeline, YamlEntry job)
    {
        if (job.Value is not YamlMapping definition)
        {
            return (null, null);
        }

        YamlMapping? declaring = definition;
        switch (definition.Entry("component"))
        {
            case { Value: YamlMapping inlineComponent }:
                declaring = inlineComponent;
                break;
            case { Value: YamlScalar { IsNull: false } reference } componentEntry:
                var component = ResolveComponent(pipeline, componentEntry, reference.Value);
                if (component?.Root is null || IsPromptFlow(component))
                {
                    return (null, null);
                }

                declaring = component.Root;
                break;
            default:
                if (definition.GetString("type") is { } type && !type.Equals("command", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, null);
                }

                return (null, Names(definition.GetMapping("outputs")).ToHashSet(StringComparer.Ordinal));
        }

        return (Names(declaring.GetMapping("inputs")).ToHashSet(StringComparer.Ordinal),
            Names(declaring.GetMapping("outputs")).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// A prompt flow (flow.dag.yaml, or a promptflow run of one) used as a component: its <c>inputs</c> are the flow's, and
    /// Azure ML adds the component's own ports (data, run_outputs, connections), so they are not known here.
    /// </summary>
    private static bool IsPromptFlow(SpecFile component) =>
        component.Root?.GetString("$schema")?.Contains("/promptflow/", StringComparison.OrdinalIgnoreCase) == true
        || System.IO.Path.GetFileName(component.Path).StartsWith("flow.", StringComparison.OrdinalIgnoreCase);

    private SpecFile? ResolveComponent(SpecFile pipeline, YamlEntry entry, string value)
    {
        if (SchemaValidator.IsTemplatePlaceholder(value))
        {
            return null;
        }

        if (value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase))
        {
            return context.References.CheckReference(pipeline, entry, SpecKind.CommandComponent);
        }

        var resolved = context.Paths.CheckLocalPath(pipeline, entry, mustBeFolder: false);
        return resolved is null ? null : context.Workspace.File(resolved) is { Root: not null } component ? component : null;
    }
}
