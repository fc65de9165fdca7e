namespace RepoML.Core.Pipelines;

/// <summary>
/// An output Azure ML registers as an asset when its job completes (<c>outputs: {x: {name: NAME, version: N}}</c>): a model for
/// <c>custom_model</c>/<c>mlflow_model</c>/<c>triton_model</c> outputs, a data asset otherwise.
/// </summary>
/// <param name="Version">A positive integer (RepoML's registry numbers versions 1, 2, …); null for the next free one.</param>
public sealed record OutputRegistration(string AssetName, int? Version, bool IsModel, string OutputType)
{
    private static readonly string[] ModelTypes = ["custom_model", "mlflow_model", "triton_model"];

    /// <summary>
    /// The registration an output mapping asks for: the job's own (<c>outputs.x.name</c>), or, for a pipeline step bound to
    /// <c>${{parent.outputs.y}}</c>, the pipeline output's.
    /// </summary>
    public static OutputRegistration? Of(string job, string output, YamlMapping definition, YamlMapping? pipelineRoot, List<Diagnostic> diagnostics)
    {
        var declared = definition.GetMapping("outputs")?[output];
        if (declared is YamlScalar { Value: var text } && Binding.FindAll(text) is [{ Parts: ["parent", "outputs", var parentOutput] }])
        {
            declared = pipelineRoot?.GetMapping("outputs")?[parentOutput];
        }

        if (declared is not YamlMapping map || map["name"] is not YamlScalar { IsNull: false } name)
        {
            return null;
        }

        int? version = null;
        if (map["version"] is YamlScalar { IsNull: false } versionNode)
        {
            if (!int.TryParse(versionNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, versionNode.Span,
                    $"job '{job}': output '{output}' version '{versionNode.Value}' is not a positive integer; RepoML's registry numbers versions " +
                    "1, 2, … (or leave version out for the next one)"));
                return null;
            }

            version = number;
        }

        var type = map.GetString("type") ?? "uri_folder";
        return new OutputRegistration(name.Value, version, ModelTypes.Contains(type, StringComparer.OrdinalIgnoreCase), type);
    }
}
