using RepoML.Core.Diagnostics;
using RepoML.Core.Pipelines;
using RepoML.Core.Schema;
using RepoML.Core.Specs;
using RepoML.Core.Yaml;

namespace RepoML.Core.Workspace;

/// <summary>Commands, components and pipeline jobs: code, environments, bindings and the job graph.</summary>
public sealed partial class WorkspaceValidator
{
    private void CheckCommand(SpecFile file, YamlMapping command)
    {
        CheckLocalPath(file, command.Entry("code"), mustBeFolder: null);
        CheckEnvironmentUse(file, command.Entry("environment"));
        CheckInputPaths(file, command.GetMapping("inputs"));
        if (command["command"] is not YamlScalar text)
        {
            return;
        }

        var inputs = Names(command.GetMapping("inputs")).ToHashSet(StringComparer.Ordinal);
        var outputs = Names(command.GetMapping("outputs")).ToHashSet(StringComparer.Ordinal);
        foreach (var binding in Binding.FindAll(text.Value))
        {
            var (declared, kind) = binding.Parts switch
            {
                ["inputs", var name] => (inputs.Contains(name), "input"),
                ["outputs", var name] => (outputs.Contains(name), "output"),
                ["search_space", _] or ["name"] or ["default_datastore"] => (true, ""),
                _ => (false, "expression"),
            };
            if (!declared)
            {
                var known = kind == "input" ? inputs : outputs;
                var name = binding.Parts[^1];
                var suggestion = kind == "expression" ? null : StringDistance.Closest(name, known);
                var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
                var descriptor = kind == "expression" ? DiagnosticIds.MalformedBinding : DiagnosticIds.UnresolvedBinding;
                var message = kind == "expression"
                    ? $"'{binding.Text}' is not a binding a command can use (expected ${{{{inputs.NAME}}}} or ${{{{outputs.NAME}}}})"
                    : $"'{binding.Text}' uses {kind} '{name}', which this command does not declare{hint}";
                Report(file, descriptor, Locate(file, text, binding), message);
            }
        }
    }

    private void CheckInputPaths(SpecFile file, YamlMapping? inputs)
    {
        foreach (var input in inputs?.Entries ?? [])
        {
            if (input.Value is YamlMapping definition && definition.GetString("type")?.ToLowerInvariant() is "uri_file" or "uri_folder" or "mltable" or "custom_model" or "mlflow_model" or "triton_model")
            {
                var mustBeFolder = definition.GetString("type")!.Equals("uri_file", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;
                if (definition["path"] is YamlScalar path && AssetReferenceLike(path.Value))
                {
                    CheckReference(file, definition.Entry("path"), SpecKind.Data);
                }
                else
                {
                    CheckLocalPath(file, definition.Entry("path"), mustBeFolder);
                }
            }
        }
    }

    private static bool AssetReferenceLike(string value) =>
        value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase);

    private void CheckPipeline(SpecFile pipeline)
    {
        var root = pipeline.Root!;
        CheckInputPaths(pipeline, root.GetMapping("inputs"));
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

                foreach (var (scalar, binding) in BindingsIn(port.Value))
                {
                    CheckParentBinding(pipeline, scalar, binding, pipelineInputs, pipelineOutputs, jobOutputs, dependencies, allowOutputs: false);
                }
            }

            foreach (var port in definition.GetMapping("outputs")?.Entries ?? [])
            {
                foreach (var (scalar, binding) in BindingsIn(port.Value))
                {
                    CheckParentBinding(pipeline, scalar, binding, pipelineInputs, pipelineOutputs, jobOutputs, dependencies, allowOutputs: true);
                }
            }

            if (definition["command"] is not null && definition["component"] is null)
            {
                CheckCommand(pipeline, definition);
            }
        }

        if (new JobGraph(upstream).FindCycle() is { } cycle)
        {
            Report(pipeline, DiagnosticIds.PipelineCycle, jobs.Entry(cycle[0])!.Key.Span, $"jobs depend on each other in a cycle: {string.Join(" → ", cycle)}");
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
        var span = Locate(pipeline, scalar, binding);
        switch (binding.Parts)
        {
            case ["parent", "inputs", var name]:
                if (!pipelineInputs.Contains(name))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span, $"'{binding.Text}': the pipeline has no input '{name}'{Hint(name, pipelineInputs)}");
                }

                break;
            case ["parent", "outputs", var name] when allowOutputs:
                if (!pipelineOutputs.Contains(name))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span, $"'{binding.Text}': the pipeline has no output '{name}'{Hint(name, pipelineOutputs)}");
                }

                break;
            case ["parent", "jobs", var job, "outputs", var name]:
                if (!jobOutputs.TryGetValue(job, out var outputs))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span, $"'{binding.Text}': the pipeline has no job '{job}'{Hint(job, jobOutputs.Keys)}");
                    break;
                }

                dependencies.Add(job);
                if (outputs is not null && !outputs.Contains(name))
                {
                    Report(pipeline, DiagnosticIds.UnresolvedBinding, span, $"'{binding.Text}': job '{job}' has no output '{name}'{Hint(name, outputs)}");
                }

                break;
            case ["name"] or ["default_datastore"] or ["parent", "jobs", _, "inputs", _]:
                break;
            default:
                Report(pipeline, DiagnosticIds.MalformedBinding, span, $"'{binding.Text}' is not a pipeline binding (expected parent.inputs.NAME, parent.outputs.NAME or parent.jobs.JOB.outputs.NAME)");
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
                declaring = ResolveComponent(pipeline, componentEntry, reference.Value)?.Root;
                if (declaring is null)
                {
                    return (null, null);
                }

                break;
            default:
                if (definition.GetString("type") is { } type && !type.Equals("command", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, null);
                }

                return (null, Names(definition.GetMapping("outputs")).ToHashSet(StringComparer.Ordinal));
        }

        return (Names(declaring.GetMapping("inputs")).ToHashSet(StringComparer.Ordinal), Names(declaring.GetMapping("outputs")).ToHashSet(StringComparer.Ordinal));
    }

    private SpecFile? ResolveComponent(SpecFile pipeline, YamlEntry entry, string value)
    {
        if (SchemaValidator.IsTemplatePlaceholder(value))
        {
            return null;
        }

        if (value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase))
        {
            return CheckReference(pipeline, entry, SpecKind.CommandComponent);
        }

        var resolved = CheckLocalPath(pipeline, entry, mustBeFolder: false);
        return resolved is null ? null : workspace.File(resolved) is { Root: not null } component ? component : null;
    }

    private static IEnumerable<(YamlScalar Scalar, Binding Binding)> BindingsIn(YamlNode node)
    {
        var scalars = node switch
        {
            YamlScalar s => [s],
            YamlMapping m => m.Entries.Select(e => e.Value).OfType<YamlScalar>(),
            _ => [],
        };
        return scalars.SelectMany(s => Binding.FindAll(s.Value).Select(b => (s, b)));
    }

    /// <summary>Where a binding sits in the file: searched in the source text from the scalar's start, so multi-line commands point at the right line.</summary>
    private static SourceSpan Locate(SpecFile file, YamlScalar scalar, Binding binding)
    {
        if (file.Text is not { } text)
        {
            return scalar.Span;
        }

        var start = OffsetOf(text, scalar.Span.Line, scalar.Span.Column);
        var index = start < 0 ? -1 : text.IndexOf(binding.Text, start, StringComparison.Ordinal);
        if (index < 0)
        {
            return scalar.Span;
        }

        var (line, column) = Yaml.YamlReader.LineAndColumn(text, index);
        return new SourceSpan(file.Path, line, column);
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            offset = text.IndexOf('\n', offset);
            if (offset < 0)
            {
                return -1;
            }

            offset++;
        }

        return Math.Min(text.Length, offset + column - 1);
    }
}
