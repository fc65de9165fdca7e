namespace RepoML.Core.Serving;

/// <summary>Where collected records go: <c>&lt;endpoint&gt;/&lt;deployment&gt;/&lt;collection&gt;/yyyy/MM/dd/HH/</c>, cut at the rolling
/// rate.</summary>
public static class CollectionPaths
{
    /// <summary>The relative folder ('/'-separated) for a record collected at <paramref name="time"/> (UTC).</summary>
    public static string Folder(string endpoint, string deployment, string collection, DateTimeOffset time, RollingRate rate)
    {
        var utc = time.UtcDateTime;
        var parts = new List<string> { Naming.NameGate.Check(endpoint, Naming.NameKind.Segment, "endpoint name"),
            Naming.NameGate.Check(deployment, Naming.NameKind.Segment, "deployment name"), Naming.NameGate.Check(collection, Naming.NameKind.Segment,
                "collection name"), utc.ToString("yyyy", CultureInfo.InvariantCulture) };
        if (rate <= RollingRate.Month) { parts.Add(utc.ToString("MM", CultureInfo.InvariantCulture)); }
        if (rate <= RollingRate.Day) { parts.Add(utc.ToString("dd", CultureInfo.InvariantCulture)); }
        if (rate <= RollingRate.Hour) { parts.Add(utc.ToString("HH", CultureInfo.InvariantCulture)); }
        if (rate <= RollingRate.Minute) { parts.Add(utc.ToString("mm", CultureInfo.InvariantCulture)); }
        return string.Join('/', parts);
    }
}
