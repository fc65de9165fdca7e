namespace RepoML.Workflows.Comparison;

/// <summary>
/// Finds the model's name and its comparison policy: <c>--policy FILE</c>, else <c>&lt;stem&gt;.compare.yml</c> beside
/// the model's YAML (<c>models/credit.yml</c> → <c>models/credit.compare.yml</c>), else <c>models/&lt;name&gt;.compare.yml</c>.
/// </summary>
public sealed record PolicyFile(string Model, string? Path, ComparePolicy Policy, IReadOnlyList<Diagnostic> Diagnostics, string? Text)
{
    public static PolicyFile Load(WorkflowContext context, string workspaceRoot, string model, string? policyOption)
    {
        var modelPath = context.FullPath(model);
        string name;
        string defaultPolicy;
        if (model.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || model.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(modelPath))
            {
                throw WorkflowException.Usage($"model file '{model}' does not exist");
            }

            var root = YamlReader.Read(model, File.ReadAllText(modelPath)).Root as YamlMapping;
            name = root?.GetString("name") ?? throw WorkflowException.Usage($"'{model}' has no 'name'; is it a model YAML file?");
            defaultPolicy = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(modelPath)!,
                System.IO.Path.GetFileNameWithoutExtension(modelPath) + ".compare.yml");
        }
        else
        {
            name = model;
            defaultPolicy = System.IO.Path.Combine(workspaceRoot, "models", model + ".compare.yml");
        }

        var policyPath = policyOption is null ? defaultPolicy : context.FullPath(policyOption);
        if (!File.Exists(policyPath))
        {
            if (policyOption is not null)
            {
                throw WorkflowException.Usage($"policy file '{policyOption}' does not exist");
            }

            return new PolicyFile(name, null, ComparePolicy.Default, [], null);
        }

        var text = File.ReadAllText(policyPath);
        var display = System.IO.Path.GetRelativePath(context.CurrentDirectory, policyPath).Replace('\\', '/');
        var (policy, diagnostics) = ComparePolicyReader.Read(display, text);
        return new PolicyFile(policy?.Model ?? name, policyPath, policy ?? ComparePolicy.Default, diagnostics, text);
    }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
