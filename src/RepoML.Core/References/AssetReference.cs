namespace RepoML.Core.References;

/// <summary>
/// A short-form Azure ML asset reference: <c>azureml:name:version</c>, <c>azureml:name@label</c> or <c>azureml:name</c>.
/// Long forms (<c>azureml://registries/…</c>, <c>azureml://subscriptions/…</c>) and curated assets are external.
/// </summary>
public sealed record AssetReference(string Name, string? Version, string? Label)
{
    public const string Prefix = "azureml:";

    public override string ToString() =>
        Prefix + Name + (Version is not null ? ":" + Version : "") + (Label is not null ? "@" + Label : "");

    /// <summary>True when the text is an <c>azureml:</c> reference of any form.</summary>
    public static bool IsReference(string text) => text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for references RepoML cannot resolve from the repository: registries, ARM ids, curated environments.</summary>
    public static bool IsExternal(string text)
    {
        if (text.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parsed = TryParse(text);
        return parsed is not null && parsed.Name.StartsWith("AzureML-", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a short-form reference; null when the text is not one.</summary>
    public static AssetReference? TryParse(string text)
    {
        if (!IsReference(text) || text.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var body = text[Prefix.Length..].Trim();
        string? label = null;
        string? version = null;
        var at = body.LastIndexOf('@');
        if (at >= 0)
        {
            label = body[(at + 1)..];
            body = body[..at];
        }
        else
        {
            var colon = body.LastIndexOf(':');
            if (colon >= 0)
            {
                version = body[(colon + 1)..];
                body = body[..colon];
            }
        }

        if (body.Length == 0 || (label is not null && label.Length == 0) || (version is not null && version.Length == 0))
        {
            return null;
        }

        return new AssetReference(body, version, label);
    }
}
