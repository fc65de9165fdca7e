namespace RepoML.Core.Pipelines;

/// <summary>
/// Turns a pipeline job file into a <see cref="PipelinePlan"/>: follows <c>${{parent…}}</c> bindings, loads
/// components, applies input defaults and command-line overrides (<c>inputs.NAME=VALUE</c>).
/// Problems come back as diagnostics; the plan is null when any is an error.
/// </summary>
public static class PipelinePlanner
{
    private static readonly string[] DescriptiveKeys = ["description", "display_name", "tags", "$schema", "version", "is_deterministic"];

    public static (PipelinePlan? Plan, IReadOnlyList<Diagnostic> Diagnostics) Plan(
        Workspace.Workspace workspace,
        SpecFile pipeline,
        IReadOnlyDictionary<string, string> overrides)
    {
        var diagnostics = new List<Diagnostic>();
        var root = pipeline.Root!;
        var inputs = PipelineInputs(pipeline, root.GetMapping("inputs"), overrides, diagnostics);
        var jobs = new List<PlannedJob>();
        foreach (var job in JobEntries(pipeline, root))
        {
            if (PlanJob(workspace, pipeline, job, inputs, diagnostics) is { } planned)
            {
                // A standalone command job's own inputs are what --set overrides.
                jobs.Add(pipeline.Kind == SpecKind.CommandJob ? planned with { Inputs = inputs } : planned);
            }
        }

        var graph = new JobGraph(jobs.ToDictionary(j => j.Name, j => j.Upstream, StringComparer.Ordinal));
        if (graph.FindCycle() is { } cycle)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.PipelineCycle, root.Span,
                $"jobs depend on each other in a cycle: {string.Join(" → ", cycle)}"));
        }

        var settings = root.GetMapping("settings");
        var plan = diagnostics.Any(d => d.IsError) ? null : new PipelinePlan(
            pipeline.Path,
            graph.TopologicalOrder().Select(name => jobs.First(j => j.Name == name)).ToList(),
            inputs,
            IsTrue(settings?["continue_on_step_failure"]),
            IsTrue(settings?["force_rerun"]));
        return (plan, diagnostics);
    }

    /// <summary>
    /// The jobs to plan: a pipeline's <c>jobs</c>, or a standalone command job as its one job, named by its <c>name</c> or its
    /// file name (as <c>az ml job create --file</c> runs it).
    /// </summary>
    private static IEnumerable<YamlEntry> JobEntries(SpecFile file, YamlMapping root) => file.Kind == SpecKind.CommandJob
        ? [new YamlEntry(new YamlScalar(root.Span, root.GetString("name") ?? JobNameOf(file.Path), isPlain: true), root)]
        : root.GetMapping("jobs")?.Entries ?? [];

    /// <summary>
    /// The component files a job file names by relative path (a step's <c>component:</c> or a sweep's <c>trial:</c>), resolved
    /// from the job file's folder; <c>azureml:</c> references and paths that leave the workspace are not included.
    /// </summary>
    public static IEnumerable<string> ComponentFiles(SpecFile file)
    {
        if (file.Root is not { } root)
        {
            return [];
        }

        var definitions = (root.GetMapping("jobs")?.Entries ?? []).Select(e => e.Value).OfType<YamlMapping>().Append(root);
        return definitions
            .SelectMany(d => new[] { d["component"], d["trial"] })
            .OfType<YamlScalar>()
            .Where(s => !s.IsNull && !s.Value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase) && !WorkspacePaths.IsRemote(s.Value))
            .Select(s => WorkspacePaths.Resolve(file.Path, s.Value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string JobNameOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }

    private static bool IsTrue(YamlNode? node) => node is YamlScalar s && s.TryGetBoolean(out var value) && value;

    private static Dictionary<string, PlanValue> PipelineInputs(SpecFile pipeline, YamlMapping? declared, IReadOnlyDictionary<string,
        string> overrides, List<Diagnostic> diagnostics)
    {
        var inputs = new Dictionary<string, PlanValue>(StringComparer.Ordinal);
        foreach (var entry in declared?.Entries ?? [])
        {
            if (InputValue(pipeline, entry.Value) is { } value)
            {
                inputs[entry.Key.Value] = value;
            }
        }

        foreach (var (name, value) in overrides)
        {
            if (declared?[name] is null)
            {
                var hint = Schema.StringDistance.Closest(name, inputs.Keys) is { } s ? $"; did you mean '{s}'?" : "";
                diagnostics.Add(Diagnostic.InFile(DiagnosticIds.UnresolvedBinding, pipeline.Path,
                    $"--set inputs.{name}: the pipeline has no input '{name}'{hint}"));
                continue;
            }

            inputs[name] = inputs.GetValueOrDefault(name) is LocalPathValue path
                ? new LocalPathValue(WorkspacePaths.Resolve("x", value) ?? value, path.IsFile)
                : new LiteralValue(value);
        }

        return inputs;
    }

    /// <summary>A literal, a typed path input, or a typed literal (<c>{type: integer, default: 3}</c>).</summary>
    private static PlanValue? InputValue(SpecFile file, YamlNode node) => node switch
    {
        YamlScalar { IsNull: false } scalar when !Schema.SchemaValidator.IsBinding(scalar.Value) => new LiteralValue(scalar.Value),
        YamlMapping map when map.GetString("path") is { } path && !WorkspacePaths.IsRemote(path) && !Schema.SchemaValidator.IsBinding(path) =>
            WorkspacePaths.Resolve(file.Path, path) is { } resolved
                ? new LocalPathValue(resolved, string.Equals(map.GetString("type"), "uri_file", StringComparison.OrdinalIgnoreCase))
                : null,
        YamlMapping map when (map.GetString("value") ?? map.GetString("default")) is { } literal => new LiteralValue(literal),
        _ => null,
    };

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

    private static PlannedJob? PlanJob(Workspace.Workspace workspace, SpecFile pipeline, YamlEntry job, IReadOnlyDictionary<string,
        PlanValue> pipelineInputs, List<Diagnostic> diagnostics)
    {
        if (job.Value is not YamlMapping definition)
        {
            return null;
        }

        var type = definition.GetString("type") ?? "command";
        if (!type.Equals("command", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.UnsupportedSchema with { Severity = Severity.Error }, job.Key.Span,
                $"job '{job.Key.Value}' is a {type} job; local runs support command jobs (run it on Azure ML)"));
            return null;
        }

        var (component, componentFile) = ComponentOf(workspace, pipeline, job, definition, diagnostics);
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

        foreach (var bound in definition.GetMapping("inputs")?.Entries ?? [])
        {
            if (BoundValue(pipeline, job.Key.Value, bound, pipelineInputs, diagnostics) is { } value)
            {
                inputs[bound.Key.Value] = value;
            }
        }

        CheckTypes(job.Key.Value, component, definition, inputs, diagnostics);
        var outputs = (component.GetMapping("outputs")?.Entries ?? [])
            .Select(o => new OutputPort(o.Key.Value, o.Value is YamlMapping m && string.Equals(m.GetString("type"), "uri_file",
                StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var (environmentName, environmentPath) = EnvironmentOf(workspace, componentFile, component);
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
        var text = YamlCanonical.Write(component, DescriptiveKeys) + string.Concat(stepVariables.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"\n# step environment_variables: {v.Key}={v.Value}"));
        return new PlannedJob(job.Key.Value, command, text, code, environmentName, environmentPath, inputs, outputs, deterministic)
        {
            EnvironmentVariables = variables,
        };
    }

    private static Dictionary<string, string> Variables(YamlMapping job) =>
        (job.GetMapping("environment_variables")?.Entries ?? []).Where(e => e.Value is YamlScalar { IsNull: false })
        .ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal);

    private static (YamlMapping? Component, SpecFile File) ComponentOf(Workspace.Workspace workspace, SpecFile pipeline, YamlEntry job,
        YamlMapping definition, List<Diagnostic> diagnostics)
    {
        switch (definition["component"])
        {
            case null:
                return (definition, pipeline);
            case YamlMapping inline:
                return (inline, pipeline);
            case YamlScalar { Value: var reference } scalar:
                var file = reference.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase)
                    ? AssetReference.TryParse(reference) is { } parsed ? workspace.Assets(SpecKind.CommandComponent,
                        parsed.Name).FirstOrDefault() : null
                    : WorkspacePaths.Resolve(pipeline.Path, reference) is { } path ? workspace.File(path) : null;
                if (file?.Root is null)
                {
                    diagnostics.Add(Diagnostic.At(DiagnosticIds.UnresolvedReference, scalar.Span,
                        $"job '{job.Key.Value}': component '{reference}' is not a component file of this workspace"));
                    return (null, pipeline);
                }

                return (file.Root, file);
            default:
                return (null, pipeline);
        }
    }

    private static PlanValue? BoundValue(SpecFile pipeline, string job, YamlEntry bound, IReadOnlyDictionary<string, PlanValue> pipelineInputs,
        List<Diagnostic> diagnostics)
    {
        var text = bound.Value switch
        {
            YamlScalar s => s.Value,
            YamlMapping m => m.GetString("path") ?? m.GetString("value"),
            _ => null,
        };
        if (text is null || Binding.FindAll(text) is not [var binding])
        {
            return InputValue(pipeline, bound.Value);
        }

        switch (binding.Parts)
        {
            case ["parent", "inputs", var name] when pipelineInputs.TryGetValue(name, out var value):
                return value;
            case ["parent", "jobs", var upstream, "outputs", var output]:
                return new JobOutputValue(upstream, output);
            default:
                diagnostics.Add(Diagnostic.At(DiagnosticIds.UnresolvedBinding, bound.Value.Span,
                    $"job '{job}': input '{bound.Key.Value}' binds '{binding.Text}', which has no value in a local run"));
                return null;
        }
    }

    private static (string? Name, string? Path) EnvironmentOf(Workspace.Workspace workspace, SpecFile componentFile, YamlMapping component)
        => component["environment"] switch
    {
        YamlScalar { Value: var reference } when AssetReference.TryParse(reference) is { } parsed =>
            (reference, workspace.Assets(SpecKind.Environment, parsed.Name).FirstOrDefault()?.Path),
        YamlScalar { Value: var other } => (other, null),
        YamlMapping => ("inline", componentFile.Path),
        _ => (null, null),
    };
}
