namespace RepoML.Core.Rollout;

/// <summary>Turns a decision into new texts of the endpoint file (its <c>traffic</c>) and deployment files (their <c>model</c>).</summary>
public static class EndpointFileEdits
{
    /// <param name="endpoint">The endpoint file's path and text.</param>
    /// <param name="deployments">Deployment name → its file's path and text.</param>
    /// <returns>Path → new text, for the files that change.</returns>
    public static IReadOnlyDictionary<string, string> Apply(
        PromotionDecision decision, (string Path, string Text) endpoint, IReadOnlyDictionary<string, (string Path, string Text)> deployments)
    {
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var endpointText = endpoint.Text;
        foreach (var (name, percent) in decision.Traffic.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var root = Parse(endpoint.Path, endpointText);
            var traffic = root.GetMapping("traffic")
                ?? throw new InvalidOperationException($"{endpoint.Path}: the endpoint has no block 'traffic:' mapping to edit");
            var value = percent.ToString(CultureInfo.InvariantCulture);
            if (traffic[name] is YamlScalar scalar)
            {
                endpointText = scalar.Value == value ? endpointText : YamlTextEditor.ReplaceScalar(endpointText, scalar, value);
            }
            else if (percent != 0)
            {
                endpointText = YamlTextEditor.AppendEntry(endpointText, traffic, name, value);
            }
        }

        if (endpointText != endpoint.Text)
        {
            changed[endpoint.Path] = endpointText;
        }

        foreach (var (name, reference) in decision.Models)
        {
            var (path, text) = deployments.TryGetValue(name,
                out var file) ? file : throw new InvalidOperationException($"deployment '{name}' has no file");
            var model = Parse(path, text)["model"] as YamlScalar
                ?? throw new InvalidOperationException($"{path}: 'model:' is not a reference to edit");
            changed[path] = YamlTextEditor.ReplaceScalar(text, model, reference);
        }

        return changed;
    }

    private static YamlMapping Parse(string path, string text) =>
        YamlReader.Read(path, text).Root as YamlMapping ?? throw new InvalidOperationException($"{path} is not a YAML mapping");
}
