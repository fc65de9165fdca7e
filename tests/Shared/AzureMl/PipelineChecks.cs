using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// What Azure ML checks in a pipeline's <c>jobs</c> (free-form in the REST spec, so the schema cannot): every step a
/// command node whose <c>componentId</c> exists, inputs and outputs the component declares, bindings as the SDK's
/// objects naming pipeline inputs and outputs and other steps' outputs that exist, and every required input given.
/// </summary>
internal static partial class PipelineChecks
{
    private static readonly HashSet<string> InputTypes = ["literal", "uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model"];

    public static (int, string, string)? Check(JsonObject pipeline, JsonObject jobs, Func<string, JsonObject?> resolve)
    {
        var inputs = pipeline["inputs"] as JsonObject ?? [];
        var outputs = pipeline["outputs"] as JsonObject ?? [];
        var specs = jobs.ToDictionary(j => j.Key, j => resolve(j.Value?["componentId"]?.GetValue<string>() ?? "")?["properties"]?["componentSpec"] as JsonObject);
        foreach (var (name, value) in jobs)
        {
            var node = value as JsonObject ?? [];
            if (node["type"]?.GetValue<string>() != "command" || specs[name] is not { } spec)
            {
                return Refuse($"step '{name}' is not a command node with an existing componentId ({node["componentId"]})");
            }

            var declared = spec["inputs"] as JsonObject ?? [];
            foreach (var (input, given) in node["inputs"] as JsonObject ?? [])
            {
                if (declared[input] is null)
                {
                    return Refuse($"step '{name}': '{input}' is not an input of its component");
                }

                var type = given?["job_input_type"]?.GetValue<string>();
                if (type is null || !InputTypes.Contains(type))
                {
                    return Refuse($"step '{name}' input '{input}': job_input_type '{type}' is not one of {string.Join(", ", InputTypes)}");
                }

                if (type == "literal" && given!["value"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    return Refuse($"step '{name}' input '{input}': a literal value must be a string");
                }

                if (type == "literal" && Binding(given!["value"]!.GetValue<string>(), inputs, outputs, specs, name) is { } bad)
                {
                    return Refuse($"step '{name}' input '{input}': {bad}");
                }
            }

            foreach (var (input, definition) in declared)
            {
                if (node["inputs"]?[input] is null && definition?["default"] is null && definition?["optional"]?.GetValue<bool>() != true)
                {
                    return Refuse($"step '{name}': required input '{input}' is not given");
                }
            }

            foreach (var (output, given) in node["outputs"] as JsonObject ?? [])
            {
                if (spec["outputs"]?[output] is null)
                {
                    return Refuse($"step '{name}': '{output}' is not an output of its component");
                }

                if (given?["type"]?.GetValue<string>() == "literal"
                    ? ParentOutput().Match(given["value"]?.GetValue<string>() ?? "") is not { Success: true } m || outputs[m.Groups[1].Value] is null
                    : given?["job_output_type"] is null)
                {
                    return Refuse($"step '{name}' output '{output}' binds to no pipeline output and has no job_output_type");
                }
            }
        }

        return null;
    }

    /// <summary>Every <c>${{search_space.X}}</c> of a sweep's trial command names a parameter of its search space.</summary>
    public static (int, string, string)? SweepCheck(string command, JsonObject space) =>
        SearchSpace().Matches(command).Select(m => m.Groups[1].Value).FirstOrDefault(p => space[p] is null) is { } missing
            ? Refuse($"the trial uses ${{{{search_space.{missing}}}}}, which the search space does not define") : null;

    private static string? Binding(string value, JsonObject inputs, JsonObject outputs, Dictionary<string, JsonObject?> specs, string self)
    {
        foreach (Match binding in Expression().Matches(value))
        {
            var parts = binding.Groups[1].Value.Split('.');
            var ok = parts switch
            {
                ["parent", "inputs", var input] => inputs[input] is not null,
                ["parent", "outputs", var output] => outputs[output] is not null,
                ["parent", "jobs", var job, "outputs", var output] => job != self && specs.TryGetValue(job, out var spec) && spec?["outputs"]?[output] is not null,
                _ => false,
            };
            if (!ok)
            {
                return $"binding {binding.Value} names nothing the pipeline has";
            }
        }

        return null;
    }

    private static (int, string, string) Refuse(string message) => (400, "UserError", message);

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^\$\{\{\s*parent\.outputs\.([A-Za-z0-9_]+)\s*\}\}$")]
    private static partial Regex ParentOutput();

    [GeneratedRegex(@"\$\{\{\s*search_space\.([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex SearchSpace();
}
