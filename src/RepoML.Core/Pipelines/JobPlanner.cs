using RepoML.Core.Sweeps;

namespace RepoML.Core.Pipelines;

/// <summary>
/// Plans one job of a pipeline (or a standalone command or sweep job): its component, input defaults and bindings,
/// outputs, environment and the canonical text its cache key hashes. Part of <see cref="PipelinePlanner"/>.
/// </summary>
internal static class JobPlanner
{
    private static readonly string[] DescriptiveKeys = ["description", "display_name", "tags", "$schema", "version", "is_deterministic"];

    public static PlannedJob? Plan(Workspace.Workspace workspace, SpecFile pipeline, YamlEntry job, IReadOnlyDictionary<string,
        PlanValue> pipelineInputs, List<Diagnostic> diagnostics)
    {
        if (job.Value is not YamlMapping definition)
        {
            return null;
        }

        var type = definition.GetString("type") ?? "command";
        var isSweep = type.Equals("sweep", StringComparison.OrdinalIgnoreCase);
        if (!type.Equals("command", StringComparison.OrdinalIgnoreCase) && !isSweep)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.UnsupportedSchema with { Severity = Severity.Error }, job.Key.Span,
                $"job '{job.Key.Value}' is a {type} job; local runs support command and sweep jobs (run it on Azure ML)"));
            return null;
        }

        var sweep = isSweep ? SweepJobReader.Read(job.Key.Value, definition, diagnostics) : null;
        var (component, componentFile) = JobBindings.ComponentOf(workspace, pipeline, job, definition, isSweep ? "trial" : "component", diagnostics);
        if (isSweep && sweep is null)
        {
            return null;
        }

        if (component is null)
        {
            return null;
        }

        if ((definition["distribution"] ?? component["distribution"]) is { } distribution)
        {
            // A distributed job needs several nodes or processes wired together by Azure ML; one local process is not that job.
            diagnostics.Add(Diagnostic.At(DiagnosticIds.UnsupportedSchema with { Severity = Severity.Error }, distribution.Span,
                $"job '{job.Key.Value}': 'distribution' cannot apply to a local run (run it on Azure ML)"));
            return null;
        }

        var fieldProblems = LocalRunFields.Problems(job.Key.Value, definition, component).ToList();
        if (fieldProblems.Count > 0)
        {
            diagnostics.AddRange(fieldProblems);
            return null;
        }

        if (component.GetString("command") is not { } command)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, job.Key.Span, $"job '{job.Key.Value}' has no command"));
            return null;
        }

        var inputs = new Dictionary<string, PlanValue>(StringComparer.Ordinal);
        foreach (var declared in component.GetMapping("inputs")?.Entries ?? [])
        {
            if (declared.Value is YamlMapping port && (port.GetString("default") ?? port.GetString("value")) is { } fallback
                && !ReferenceEquals(component, definition))
            {
                inputs[declared.Key.Value] = new LiteralValue(fallback);
            }
        }

        // A standalone job's own inputs are the run's inputs (planned once, with the command line's overrides).
        foreach (var bound in ReferenceEquals(definition, pipeline.Root) ? [] : definition.GetMapping("inputs")?.Entries ?? [])
        {
            if (JobBindings.BoundValue(workspace, pipeline, job.Key.Value, bound, pipelineInputs, diagnostics) is { } value)
            {
                inputs[bound.Key.Value] = value;
            }
        }

        CheckTypes(job.Key.Value, component, definition, inputs, diagnostics);
        if (SearchSpaceProblem(job.Key.Value, command, sweep, component) is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }

        var declaredOutputs = (component.GetMapping("outputs")?.Entries ?? []).ToList();
        if (isSweep)
        {
            // A sweep's own outputs are its best trial's outputs of the same names.
            declaredOutputs.AddRange((definition.GetMapping("outputs")?.Entries ?? []).Where(o => declaredOutputs.All(d => d.Key.Value != o.Key.Value)));
        }

        var outputs = declaredOutputs
            .Select(o => new OutputPort(o.Key.Value, o.Value is YamlMapping m && string.Equals(m.GetString("type"), "uri_file",
                StringComparison.OrdinalIgnoreCase))
            {
                Registration = OutputRegistration.Of(job.Key.Value, o.Key.Value, definition, ReferenceEquals(definition, pipeline.Root) ? null
                    : pipeline.Root, diagnostics),
            })
            .ToList();
        var (environmentName, environmentPath) = JobBindings.EnvironmentOf(workspace, componentFile, component);
        var code = component.GetString("code") is { } codePath && !WorkspacePaths.IsRemote(codePath) ? WorkspacePaths.Resolve(componentFile.Path,
            codePath) : null;
        var deterministic = component["is_deterministic"] is not YamlScalar flag || !flag.TryGetBoolean(out var isDeterministic) || isDeterministic;
        var variables = Variables(component);
        var stepVariables = ReferenceEquals(component, definition) ? [] : Variables(definition);
        foreach (var (name, value) in stepVariables)
        {
            variables[name] = value;
        }

        // The step's own environment_variables are not in its component's text, so the cache key sees them here.
        var text = YamlCanonical.Write(component, DescriptiveKeys) + (isSweep ? "\n# sweep\n" + YamlCanonical.Write(definition, DescriptiveKeys) : "")
            + string.Concat(stepVariables.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"\n# step environment_variables: {v.Key}={v.Value}"));
        return new PlannedJob(job.Key.Value, command, text, code, environmentName, environmentPath, inputs, outputs, deterministic)
        {
            EnvironmentVariables = variables,
            Sweep = sweep,
            Timeout = LocalRunFields.Timeout(definition),
            Image = EnvironmentImage.Of(workspace, componentFile, component),
        };
    }


    private static void CheckTypes(string job, YamlMapping component, YamlMapping definition, Dictionary<string, PlanValue> inputs,
        List<Diagnostic> diagnostics)
    {
        foreach (var port in component.GetMapping("inputs")?.Entries ?? [])
        {
            if (port.Value is YamlMapping declared && inputs.GetValueOrDefault(port.Key.Value) is LiteralValue literal
                && TypedInput.Problem(declared, literal.Value) is { } problem)
            {
                var where = definition.GetMapping("inputs")?.Entry(port.Key.Value)?.Value.Span ?? port.Key.Span;
                diagnostics.Add(Diagnostic.At(DiagnosticIds.WrongType, where,
                    $"job '{job}' input '{port.Key.Value}': {problem} (declared at {port.Key.Span.File}:{port.Key.Span.Line})"));
            }
        }
    }

    /// <summary>A <c>${{search_space.x}}</c> in a command that is not a sweep's trial, or that names no dimension of the space.</summary>
    private static Diagnostic? SearchSpaceProblem(string job, string command, Sweeps.SweepSettings? sweep, YamlMapping component)
    {
        var unknown = Binding.FindAll(command).FirstOrDefault(b => b.Parts is ["search_space", var name] && (sweep is null || sweep.Space.All(d => d.Name != name)));
        return unknown is null ? null : Diagnostic.At(DiagnosticIds.UnresolvedBinding, component["command"]?.Span, sweep is null
            ? $"job '{job}': '{unknown.Text}' is only defined in a sweep job's trial"
            : $"job '{job}': '{unknown.Text}' names no parameter of the search space ({string.Join(", ", sweep.Space.Select(d => d.Name))})");
    }

    private static Dictionary<string, string> Variables(YamlMapping job) =>
        (job.GetMapping("environment_variables")?.Entries ?? []).Where(e => e.Value is YamlScalar { IsNull: false })
        .ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal);
}
