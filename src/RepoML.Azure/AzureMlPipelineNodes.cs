using System.Text.RegularExpressions;

namespace RepoML.Azure;

/// <summary>
/// The steps of a pipeline job as the SDK sends them in <c>jobs</c> (a free-form object in the REST spec): each a
/// command node with <c>componentId</c> (an ARM id), inputs as <c>{job_input_type: literal, value: "${{parent.inputs.x}}"}</c>
/// bindings or literals or uploaded data, and outputs as <c>{type: literal, value: "${{parent.outputs.y}}"}</c> bindings
/// or data outputs at a known place.
/// </summary>
public sealed partial class AzureMlPipelineNodes(AzureMlAssets assets, AzureMlComponents components, Func<string, string, string, string> outputUri)
{
    /// <summary>The <c>jobs</c> object; <paramref name="planned"/> gains every step output (those bound to pipeline outputs are fetched).</summary>
    public async Task<JsonObject> BuildAsync(YamlMapping pipeline, string file, List<PlannedOutput> planned, CancellationToken cancellationToken)
    {
        var steps = pipeline.GetMapping("jobs") ?? throw new AzureMlSpecException(pipeline, "a pipeline job needs jobs");
        var pipelineOutputs = pipeline.GetMapping("outputs");
        var jobs = new JsonObject();
        foreach (var entry in steps.Entries)
        {
            var step = entry.Value as YamlMapping ?? throw new AzureMlSpecException(entry.Value, $"step '{entry.Key.Value}' must be a mapping");
            jobs[entry.Key.Value] = await NodeAsync(entry.Key.Value, step, pipeline, file, pipelineOutputs, planned, cancellationToken).ConfigureAwait(false);
        }

        return jobs;
    }

    private async Task<JsonObject> NodeAsync(
        string name, YamlMapping step, YamlMapping pipeline, string file, YamlMapping? pipelineOutputs, List<PlannedOutput> planned,
        CancellationToken cancellationToken)
    {
        var type = step.GetString("type") ?? "command";
        if (type != "command")
        {
            throw new AzureMlSpecException(step["type"], $"step '{name}' is of type '{type}'; RepoML submits pipelines of command steps");
        }

        var inputs = new JsonObject();
        foreach (var input in step.GetMapping("inputs")?.Entries ?? [])
        {
            inputs[input.Key.Value] = await AzureMlJobIo.InputAsync(input.Value, file, assets, "job_input_type", cancellationToken).ConfigureAwait(false);
        }

        YamlMapping? definition = null;
        string componentId;
        if (step["component"] is { } component)
        {
            (componentId, definition) = await components.ResolveAsync(component, file, cancellationToken).ConfigureAwait(false);
        }
        else if (step["command"] is not null)
        {
            componentId = await components.CreateInlineAsync(step, InferInputs(step, pipeline), InferOutputs(step), file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new AzureMlSpecException(step, $"step '{name}' has neither a component nor a command");
        }

        var node = new JsonObject { ["name"] = name, ["type"] = "command", ["componentId"] = componentId, ["_source"] = "YAML.COMPONENT", ["inputs"] = inputs };
        node["outputs"] = Outputs(name, step, definition, pipelineOutputs, planned);
        if (step.GetString("compute") is { } compute && assets.ComputeId(compute) is { } computeId)
        {
            node["computeId"] = computeId;
        }

        AzureMlJobFields.Copy(step, node, "display_name", "display_name");
        if (AzureMlJobFields.Strings(step.GetMapping("environment_variables")) is { } variables)
        {
            node["environment_variables"] = variables;
        }

        foreach (var key in new[] { "resources", "distribution", "limits" })
        {
            if (step.GetMapping(key) is { } value)
            {
                node[key] = YamlJson.Convert(value);
            }
        }

        return node;
    }

    private JsonObject Outputs(string name, YamlMapping step, YamlMapping? definition, YamlMapping? pipelineOutputs, List<PlannedOutput> planned)
    {
        var outputs = new JsonObject();
        var declared = definition?.GetMapping("outputs")?.Entries
            .Select(e => (e.Key.Value, Type: (e.Value as YamlMapping)?.GetString("type") ?? "uri_folder")).ToList() ?? [];
        foreach (var entry in step.GetMapping("outputs")?.Entries ?? [])
        {
            if (entry.Value is YamlScalar { IsNull: false } binding && ParentOutput().Match(binding.Value) is { Success: true } match)
            {
                var parent = match.Groups[1].Value;
                var parentOutput = pipelineOutputs?[parent] as YamlMapping;
                var type = parentOutput?.GetString("type") ?? declared.Where(d => d.Value == entry.Key.Value).Select(d => d.Type).FirstOrDefault() ?? "uri_folder";
                outputs[entry.Key.Value] = new JsonObject { ["type"] = "literal", ["value"] = binding.Value };
                planned.Add(new PlannedOutput(name, entry.Key.Value, type, parentOutput?.GetString("path") ?? outputUri("", parent, type), true));
                continue;
            }

            var (output, outputType) = AzureMlJobIo.Output(entry.Key.Value, entry.Value, (o, t) => outputUri(name, o, t), "job_output_type");
            outputs[entry.Key.Value] = output;
            planned.Add(new PlannedOutput(name, entry.Key.Value, outputType, output["uri"]?.GetValue<string>(), false));
        }

        foreach (var (output, type) in declared.Where(d => outputs[d.Value] is null))
        {
            var uri = outputUri(name, output, type);
            outputs[output] = new JsonObject { ["job_output_type"] = type, ["uri"] = uri };
            planned.Add(new PlannedOutput(name, output, type, uri, false));
        }

        return outputs;
    }

    /// <summary>An inline step's input types: declared, or those of the values and bindings it is given.</summary>
    private static JsonObject InferInputs(YamlMapping step, YamlMapping pipeline)
    {
        var inputs = new JsonObject();
        foreach (var entry in step.GetMapping("inputs")?.Entries ?? [])
        {
            var type = entry.Value switch
            {
                YamlMapping map => map.GetString("type") ?? "uri_folder",
                YamlScalar s when ParentInput().Match(s.Value) is { Success: true } m => TypeOf(pipeline.GetMapping("inputs")?[m.Groups[1].Value]),
                YamlScalar s when s.Value.Contains("${{", StringComparison.Ordinal) => "uri_folder",
                var value => TypeOf(value),
            };
            inputs[entry.Key.Value] = new JsonObject { ["type"] = type };
        }

        return inputs;
    }

    private static JsonObject InferOutputs(YamlMapping step) => new(
        (step.GetMapping("outputs")?.Entries ?? []).Select(e => KeyValuePair.Create(e.Key.Value,
            (JsonNode?)new JsonObject { ["type"] = (e.Value as YamlMapping)?.GetString("type") ?? "uri_folder" })));

    private static string TypeOf(YamlNode? value) => value switch
    {
        YamlMapping map => map.GetString("type") ?? "uri_folder",
        YamlScalar s when s.TryGetInteger(out _) => "integer",
        YamlScalar s when s.IsNumber => "number",
        YamlScalar s when s.IsBoolean => "boolean",
        _ => "string",
    };

    [GeneratedRegex(@"^\$\{\{\s*parent\.outputs\.([A-Za-z0-9_]+)\s*\}\}$")]
    private static partial Regex ParentOutput();

    [GeneratedRegex(@"^\$\{\{\s*parent\.inputs\.([A-Za-z0-9_]+)\s*\}\}$")]
    private static partial Regex ParentInput();
}
