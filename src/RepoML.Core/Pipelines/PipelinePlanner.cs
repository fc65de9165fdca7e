namespace RepoML.Core.Pipelines;

/// <summary>
/// Turns a pipeline job file into a <see cref="PipelinePlan"/>: follows <c>${{parent…}}</c> bindings, loads
/// components, applies input defaults and command-line overrides (<c>inputs.NAME=VALUE</c>).
/// Problems come back as diagnostics; the plan is null when any is an error.
/// </summary>
public static class PipelinePlanner
{
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
            if (JobPlanner.Plan(workspace, pipeline, job, inputs, diagnostics) is { } planned)
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
}
