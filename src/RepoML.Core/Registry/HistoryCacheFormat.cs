namespace RepoML.Core.Registry;

/// <summary>
/// The text form of a <see cref="HistoryCache"/>: one line per commit and per change, tab-separated and escaped, and
/// a last line with the SHA-256 of everything before it, so a torn or edited file is recognised and ignored.
/// </summary>
public static class HistoryCacheFormat
{
    private const string Header = "repoml.history-cache/v1";
    private const string DigestPrefix = "sha256 ";

    public static string Write(HistoryCache cache)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n').Append("tip\t").Append(cache.Tip).Append('\n');
        foreach (var prefix in cache.Prefixes)
        {
            text.Append("prefix\t").Append(Escape(prefix)).Append('\n');
        }

        foreach (var commit in cache.Commits)
        {
            var info = commit.Commit;
            text.Append("commit\t").Append(info.Sha).Append('\t').Append(Escape(info.AuthorName)).Append('\t').Append(Escape(info.AuthorEmail))
                .Append('\t').Append(info.AuthorDate.ToString("o",
                    CultureInfo.InvariantCulture)).Append('\t').Append(Escape(info.Message)).Append('\n');
            foreach (var change in commit.Changes)
            {
                text.Append(change.Kind switch { FileChangeKind.Added => 'A', FileChangeKind.Deleted => 'D', _ => 'M' })
                    .Append('\t').Append(change.BlobId ?? "-").Append('\t').Append(Escape(change.Path)).Append('\n');
            }
        }

        var digest = Sha256(text.ToString());
        return text.Append(DigestPrefix).Append(digest).Append('\n').ToString();
    }

    /// <summary>The cache the text holds; null when it is not one, or not intact.</summary>
    public static HistoryCache? Read(string text)
    {
        var end = text.LastIndexOf(DigestPrefix, StringComparison.Ordinal);
        if (!text.StartsWith(Header + "\n", StringComparison.Ordinal) || end < 0
            || text[(end + DigestPrefix.Length)..].TrimEnd('\n') != Sha256(text[..end]))
        {
            return null;
        }

        string? tip = null;
        var prefixes = new List<string>();
        var commits = new List<HistoryCommit>();
        List<FileChange>? changes = null;
        foreach (var line in text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "tip" when fields.Length == 2:
                    tip = fields[1];
                    break;
                case "prefix" when fields.Length == 2:
                    prefixes.Add(Unescape(fields[1]));
                    break;
                case "commit" when fields.Length == 6:
                    changes = [];
                    var info = new CommitInfo(fields[1], Unescape(fields[2]), Unescape(fields[3]), DateTimeOffset.Parse(fields[4],
                        CultureInfo.InvariantCulture), Unescape(fields[5]));
                    commits.Add(new HistoryCommit(commits.Count + 1, info, changes));
                    break;
                case "A" or "M" or "D" when fields.Length == 3 && changes is not null:
                    var kind = fields[0] switch { "A" => FileChangeKind.Added, "D" => FileChangeKind.Deleted, _ => FileChangeKind.Modified };
                    changes.Add(new FileChange(Unescape(fields[2]), kind, fields[1] == "-" ? null : fields[1]));
                    break;
                default:
                    return null;
            }
        }

        return tip is null ? null : new HistoryCache(tip, prefixes, commits);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Escape(string value) =>
        value.IndexOfAny(['\\', '\t', '\n', '\r']) < 0 ? value : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t",
            StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                result.Append(value[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }
}
