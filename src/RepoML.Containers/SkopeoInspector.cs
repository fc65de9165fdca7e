using System.Text.Json;

namespace RepoML.Containers;

/// <summary>Reads an image's digest and labels with skopeo, from an archive (<c>oci-archive:PATH</c>) or a registry (<c>docker://REF</c>).</summary>
public sealed class SkopeoInspector(ToolProcess tools)
{
    public async Task<ImageInspection> InspectAsync(string transportReference, CancellationToken cancellation, bool tlsVerify = true)
    {
        var result = await tools.RunAsync("skopeo", ["inspect", $"--tls-verify={(tlsVerify ? "true" : "false")}", transportReference], cancellation);
        var config = await tools.RunAsync("skopeo", ["inspect", "--config", $"--tls-verify={(tlsVerify ? "true" : "false")}",
            transportReference], cancellation);
        using var json = JsonDocument.Parse(result.Output);
        using var configJson = JsonDocument.Parse(config.Output);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.RootElement.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in l.EnumerateObject())
            {
                labels[label.Name] = label.Value.GetString() ?? "";
            }
        }

        var user = configJson.RootElement.TryGetProperty("config", out var c) && c.TryGetProperty("User", out var u) ? u.GetString() : null;
        var layers = json.RootElement.TryGetProperty("Layers", out var ls) ? ls.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        return new ImageInspection(json.RootElement.GetProperty("Digest").GetString() ?? "", labels, user, layers);
    }
}
