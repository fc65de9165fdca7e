namespace RepoML.Workflows.Rollout;

/// <summary>Builds the decision's <see cref="EndpointState"/> from the endpoint folder and the registry.</summary>
public static class PromotionState
{
    /// <summary>
    /// Floating references (<c>@latest</c>, <c>@label</c>) are resolved as they stood just before the target was registered:
    /// that is what the deployment served until then, and what a reload would silently replace.
    /// </summary>
    public static EndpointState Read(EndpointFolder folder, RegisteredAsset asset, RegisteredVersion target)
    {
        var traffic = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in folder.Endpoint.Root.GetMapping("traffic")?.Entries ?? [])
        {
            if (entry.Value is YamlScalar s && s.TryGetInteger(out var percent))
            {
                traffic[entry.Key.Value] = (int)Math.Clamp(percent, 0, 100);
            }
        }

        var deployments = folder.Deployments.Select(d =>
        {
            var reference = d.Value.Root["model"] is YamlScalar { IsNull: false } m ? m.Value : null;
            return new DeploymentState(d.Key, reference, reference is null ? null : Resolve(reference, asset, target));
        }).ToList();
        return new EndpointState(folder.Name, traffic, deployments);
    }

    private static int? Resolve(string reference, RegisteredAsset asset, RegisteredVersion target)
    {
        var parsed = AssetReference.TryParse(reference);
        if (parsed is null || parsed.Name != asset.Name)
        {
            return null;
        }

        if (parsed.Version is not null)
        {
            return int.TryParse(parsed.Version, out var n) && asset.Version(n) is not null ? n : null;
        }

        return asset.Labeled(parsed.Label ?? RegisteredAsset.LatestLabel, target.Position - 1)?.Version;
    }
}
