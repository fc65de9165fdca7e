using System.Reflection;
using Parquet.Serialization;
using RepoML.Core.Lineage;

namespace RepoML.Git.Export;

/// <summary>
/// Writes the registry as five tables for BI tools — models, versions, tags, lineage_edges, deployments — as CSV
/// (RFC 4180, UTF-8, invariant culture, ISO-8601 UTC times) or Parquet.
/// </summary>
public static class RegistryExporter
{
    public static IReadOnlyList<string> TableNames { get; } = ["models", "versions", "tags", "lineage_edges", "deployments"];

    /// <returns>The files written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(GitModelRegistry registry, string folder, ExportFormat format,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var snapshot = registry.Snapshot;
        var versions = snapshot.Assets.SelectMany(a => a.Versions.Select(v => (Asset: a, Version: v))).ToList();
        var written = new List<string>
        {
            await Table(folder, "models", format, snapshot.Assets.Select(a => new ModelRow
            {
                Kind = a.Kind.Word(), Name = a.Name, Versions = a.Versions.Count, Latest = a.Latest()?.Version,
                Labels = string.Join(';', a.Labels().Select(l => $"{l.Key}={l.Value.Version}")),
            }), cancellationToken).ConfigureAwait(false),
            await Table(folder, "versions", format, versions.Select(p => new VersionRow
            {
                Kind = p.Version.Kind.Word(), Name = p.Version.Name, Version = p.Version.Version, Digest = p.Version.Digest,
                Size = p.Version.Record.Size, FileCount = p.Version.Record.FileCount, Commit = p.Version.Commit.Sha,
                Author = p.Version.Commit.AuthorName, AuthorEmail = p.Version.Commit.AuthorEmail, CommittedAt =
                    p.Version.Commit.AuthorDate.UtcDateTime,
                Message = p.Version.Commit.Subject, RegisteredAt = p.Version.Record.RegisteredAt.UtcDateTime, SourceCommit =
                    p.Version.Record.SourceCommit,
                RunId = p.Version.Record.Run?.RunId, Archived = p.Asset.IsArchived(p.Version),
            }), cancellationToken).ConfigureAwait(false),
            await Table(folder, "tags", format, versions.SelectMany(p => Tags(p.Version)), cancellationToken).ConfigureAwait(false),
            await Table(folder, "lineage_edges", format, versions.SelectMany(p => LineageGraph.From(registry.Lineage(p.Version)).Edges.Select(e
                => new EdgeRow
            {
                Kind = p.Version.Kind.Word(), Name = p.Version.Name, Version = p.Version.Version, From = e.From, To = e.To, Relation = e.Relation,
            })), cancellationToken).ConfigureAwait(false),
            await Table(folder, "deployments", format, registry.Deployments.Select(u => new DeploymentRow
            {
                Endpoint = u.Endpoint, Deployment = u.Deployment, File = u.File, Reference = u.Reference, Kind = u.Version.Kind.Word(), Name =
                    u.Version.Name,
                Version = u.Version.Version, SinceCommit = u.Since.Sha, Since = u.Since.AuthorDate.UtcDateTime, UntilCommit = u.Until?.Sha,
                Until = u.Until?.AuthorDate.UtcDateTime, Active = u.Active,
            }), cancellationToken).ConfigureAwait(false),
        };
        return written;
    }

    private static IEnumerable<TagRow> Tags(RegisteredVersion v) =>
        v.Record.Tags.Select(t => Row(v, "tag", t.Key, t.Value))
            .Concat(v.Record.Properties.Select(t => Row(v, "property", t.Key, t.Value)))
            .Concat(v.Record.Metrics.Select(t => Row(v, "metric", t.Key, t.Value.ToString("R", CultureInfo.InvariantCulture))));

    private static TagRow Row(RegisteredVersion v, string type, string key, string value) =>
        new() { Kind = v.Kind.Word(), Name = v.Name, Version = v.Version, Type = type, Key = key, Value = value };

    private static async Task<string> Table<T>(string folder, string name, ExportFormat format, IEnumerable<T> rows,
        CancellationToken cancellationToken)
    {
        var list = rows.ToList();
        var path = Path.Combine(folder, name + (format == ExportFormat.Parquet ? ".parquet" : ".csv"));
        if (format == ExportFormat.Parquet)
        {
            await ParquetSerializer.SerializeAsync(list, path, cancellationToken: cancellationToken).ConfigureAwait(false);
            return path;
        }

        var properties = typeof(T).GetProperties();
        var csv = new StringBuilder();
        csv.AppendJoin(',', properties.Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name)).Append("\r\n");
        foreach (var row in list)
        {
            csv.AppendJoin(',', properties.Select(p => Cell(p.GetValue(row)))).Append("\r\n");
        }

        await File.WriteAllTextAsync(path, csv.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text = value is string && FormulaLike(text) ? "'" + text : text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    // Commit messages, author names and tags are written by whoever pushed: text a spreadsheet would read as a formula (OWASP's CSV
    // injection: = + - @ tab CR first) gets a leading apostrophe, which Excel and LibreOffice show as text. Numbers ("-0.5") stay as they are.
    private static bool FormulaLike(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
