using RepoML.Core.Sweeps;

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
        var inputs = PipelineInputs(workspace, pipeline, root.GetMapping("inputs"), overrides, diagnostics);
        var jobs = new List<PlannedJob>();
        foreach (var job in JobEntries(pipeline, root))
        {
            if (PlanJob(workspace, pipeline, job, inputs, diagnostics) is { } planned)
            {
                // A standalone command job's own inputs are what --set overrides.
                jobs.Add(pipeline.Kind is SpecKind.CommandJob or SpecKind.SweepJob ? planned with { Inputs = inputs } : planned);
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
    private static IEnumerable<YamlEntry> JobEntries(SpecFile file, YamlMapping root) => file.Kind is SpecKind.CommandJob or SpecKind.SweepJob
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

    private static Dictionary<string, PlanValue> PipelineInputs(Workspace.Workspace workspace, SpecFile pipeline, YamlMapping? declared,
        IReadOnlyDictionary<string, string> overrides, List<Diagnostic> diagnostics)
    {
        var inputs = new Dictionary<string, PlanValue>(StringComparer.Ordinal);
        foreach (var entry in declared?.Entries ?? [])
        {
            // An input the command line overrides need not be readable here (an https path replaced by a local copy).
            var problems = new List<Diagnostic>();
            if (JobInputValues.Of(workspace, pipeline, entry.Key.Value, entry.Value, problems) is { } value)
            {
                inputs[entry.Key.Value] = value;
            }

            diagnostics.AddRange(overrides.ContainsKey(entry.Key.Value) ? [] : problems);
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

            var isPath = JobInputValues.IsPath(declared[name], out var isFile);
            inputs[name] = inputs.GetValueOrDefault(name) is LocalPathValue || isPath
                ? new LocalPathValue(WorkspacePaths.Resolve("x", value) ?? value, (inputs.GetValueOrDefault(name) as LocalPathValue)?.IsFile ?? isFile)
                : new LiteralValue(value);
        }

        return inputs;
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

    private static PlannedJob? PlanJob(Workspace.Workspace workspace, SpecFile pipeline, YamlEntry job, IReadOnlyDictionary<string,
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
        var (component, componentFile) = ComponentOf(workspace, pipeline, job, definition, isSweep ? "trial" : "component", diagnostics);
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
            if (BoundValue(workspace, pipeline, job.Key.Value, bound, pipelineInputs, diagnostics) is { } value)
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

    private static (YamlMapping? Component, SpecFile File) ComponentOf(Workspace.Workspace workspace, SpecFile pipeline, YamlEntry job,
        YamlMapping definition, string key, List<Diagnostic> diagnostics)
    {
        switch (definition[key])
        {
            case null when key == "trial":
                diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, job.Key.Span, $"job '{job.Key.Value}' is a sweep with no trial"));
                return (null, pipeline);
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

    private static PlanValue? BoundValue(Workspace.Workspace workspace, SpecFile pipeline, string job, YamlEntry bound, IReadOnlyDictionary<string, PlanValue> pipelineInputs,
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
            return JobInputValues.Of(workspace, pipeline, bound.Key.Value, bound.Value, diagnostics);
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
