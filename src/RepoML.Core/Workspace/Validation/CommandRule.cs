using static RepoML.Core.Workspace.Validation.ValidationContext;

namespace RepoML.Core.Workspace.Validation;

/// <summary>Commands, components and jobs: code, environment, and input paths that look like references.</summary>
internal sealed class CommandRule(ValidationContext context)
{    public void CheckCommand(SpecFile file, YamlMapping command)
    {
        context.Paths.CheckLocalPath(file, command.Entry("code"), mustBeFolder: null);
        context.References.CheckEnvironmentUse(file, command.Entry("environment"));
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
                Report(file, descriptor, BindingSpans.Locate(file, text, binding), message);
            }
        }
    }

    public void CheckInputPaths(SpecFile file, YamlMapping? inputs)
    {
        foreach (var input in inputs?.Entries ?? [])
        {
            if (input.Value is YamlMapping definition
                && definition.GetString("type")?.ToLowerInvariant() is "uri_file" or "uri_folder" or "mltable" or "custom_model" or
                "mlflow_model" or "triton_model")
            {
                var mustBeFolder = definition.GetString("type")!.Equals("uri_file", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;
                if (definition["path"] is YamlScalar path && AssetReferenceLike(path.Value))
                {
                    context.References.CheckReference(file, definition.Entry("path"), SpecKind.Data);
                }
                else
                {
                    context.Paths.CheckLocalPath(file, definition.Entry("path"), mustBeFolder);
                }
            }
        }
    }

    private static bool AssetReferenceLike(string value) =>
        value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase);
}
