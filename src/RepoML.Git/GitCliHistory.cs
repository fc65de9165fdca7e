using System.Diagnostics;

namespace RepoML.Git;

/// <summary>
/// <see cref="IGitHistory"/> with the git command line: one <c>git log --first-parent --raw</c> for the history
/// (git filters by path in C, the fastest way over long histories) and one long-lived <c>git cat-file --batch</c>
/// for blob contents, which also resolves revisions (a process per <c>rev-parse</c> would cost more than the answer).
/// </summary>
/// <param name="directories">The repository's git dirs when the caller already found them.</param>
public sealed class GitCliHistory(string repositoryPath, GitDirectories? directories = null) : IGitHistory
{
    private const string Format = "--format=%x01%H%x00%an%x00%ae%x00%aI%x00%B%x00";
    private readonly Dictionary<string, string> prefetched = new(StringComparer.Ordinal);
    private Process? catFile;

    public bool IsShallow => (directories ?? GitDirectories.Find(repositoryPath))?.IsShallow
        ?? GitProcess.Output(repositoryPath, "rev-parse", "--is-shallow-repository").Trim() == "true";

    public string? ResolveCommit(string revision)
    {
        if (revision.Contains('\n', StringComparison.Ordinal) || revision.Length == 0)
        {
            return null;
        }

        // cat-file answers "<sha> commit <size>" then the commit, or "<name> missing" / "<name> ambiguous".
        var (header, _) = Ask(revision + "^{commit}");
        return header.Length == 3 && header[1] == "commit" ? header[0] : null;
    }

    public CommitInfo? GetCommit(string sha)
    {
        var (code, output, _) = GitProcess.Run(repositoryPath, ["show", "-s", "--no-show-signature", Format, "--end-of-options", sha]);
        return code == 0 ? ParseHeader(output.TrimStart('\u0001').Split('\0')) : null;
    }

    public IReadOnlyList<HistoryCommit> FirstParentChanges(string tipSha, IReadOnlyList<string> pathPrefixes) => Log(tipSha, pathPrefixes);

    public IReadOnlyList<HistoryCommit>? FirstParentChangesSince(string tipSha, string sinceSha, IReadOnlyList<string> pathPrefixes)
    {
        if (tipSha == sinceSha)
        {
            return [];
        }

        // The oldest first-parent commit not reachable from sinceSha must have sinceSha as its first parent.
        var chain = GitProcess.Output(repositoryPath, "rev-list", "--first-parent", "--parents", "--reverse", "--end-of-options", tipSha,
            "^" + sinceSha)
            .Split('\n', 2)[0].Split(' ');
        return chain.Length >= 2 && chain[1] == sinceSha ? Log($"{sinceSha}..{tipSha}", pathPrefixes) : null;
    }

    private List<HistoryCommit> Log(string revisions, IReadOnlyList<string> pathPrefixes)
    {
        var arguments = new List<string> { "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-renames", "--no-abbrev", "-z",
            "--reverse", Format, "--end-of-options", revisions, "--" };
        arguments.AddRange(pathPrefixes);
        var (code, output, error) = GitProcess.Run(repositoryPath, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"git log failed ({code}): {error.Trim()}");
        }

        var result = new List<HistoryCommit>();
        foreach (var chunk in output.Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = chunk.Split('\0');
            var changes = new List<FileChange>();
            for (var i = 5; i < tokens.Length - 1; i++)
            {
                var meta = tokens[i].Trim('\n');
                if (!meta.StartsWith(':'))
                {
                    continue;
                }

                // ":oldmode newmode oldsha newsha STATUS" then the path.
                var fields = meta.Split(' ');
                var path = tokens[++i];
                if (fields[1] == "160000" || (fields[1] == "000000" && fields[0] == "160000"))
                {
                    continue; // submodules are not files
                }

                var kind = fields[4][0] switch { 'A' => FileChangeKind.Added, 'D' => FileChangeKind.Deleted, _ => FileChangeKind.Modified };
                changes.Add(new FileChange(path, kind, kind == FileChangeKind.Deleted ? null : fields[3]));
            }

            if (changes.Count > 0)
            {
                result.Add(new HistoryCommit(result.Count + 1, ParseHeader(tokens), changes));
            }
        }

        return result;
    }

    public IReadOnlyList<TreeFile> ListFiles(string commitSha, string prefix)
    {
        var output = GitProcess.Output(repositoryPath, "ls-tree", "-r", "-z", "--full-tree", commitSha, "--", prefix);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (Meta: line[..line.IndexOf('\t', StringComparison.Ordinal)].Split(' '), Path: line[(line.IndexOf('\t',
                StringComparison.Ordinal) + 1)..]))
            .Where(e => e.Meta[1] == "blob")
            .Select(e => new TreeFile(e.Path, e.Meta[2]))
            .ToArray();
    }

    public string ReadBlob(string blobId)
    {
        if (prefetched.Remove(blobId, out var text))
        {
            return text;
        }

        var (_, content) = Ask(blobId);
        return content ?? throw new InvalidOperationException($"git cat-file: object {blobId} is missing");
    }

    /// <summary>One question to the long-lived <c>git cat-file --batch</c>: its header fields and the object's text.</summary>
    private (string[] Header, string? Content) Ask(string name)
    {
        catFile ??= GitProcess.Start(repositoryPath, ["cat-file", "--batch"], redirectInput: true);
        catFile.StandardInput.Write(name + "\n");
        catFile.StandardInput.Flush();
        var stream = catFile.StandardOutput.BaseStream;
        var header = ReadLine(stream).Split(' ');
        return (header, header.Length < 3 ? null : ReadContent(stream, header));
    }

    /// <summary>Reads many blobs with one <c>git cat-file --batch</c>, ids written while answers are read (no round trips).</summary>
    public void Prefetch(IReadOnlyCollection<string> blobIds)
    {
        if (blobIds.Count < 8)
        {
            return;
        }

        using var process = GitProcess.Start(repositoryPath, ["cat-file", "--batch"], redirectInput: true);
        var writer = Task.Run(() =>
        {
            var input = new StringBuilder(blobIds.Count * 41);
            foreach (var id in blobIds)
            {
                input.Append(id).Append('\n');
            }

            process.StandardInput.Write(input.ToString());
            process.StandardInput.Close();
        });
        var stream = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        foreach (var id in blobIds)
        {
            prefetched[id] = ReadObject(stream, id);
        }

        writer.GetAwaiter().GetResult();
        process.WaitForExit();
    }

    private static string ReadObject(Stream stream, string blobId)
    {
        var header = ReadLine(stream).Split(' ');
        return header.Length < 3 ? throw new InvalidOperationException($"git cat-file: object {blobId} is missing") : ReadContent(stream, header);
    }

    private static string ReadContent(Stream stream, string[] header)
    {
        var buffer = new byte[int.Parse(header[2], CultureInfo.InvariantCulture) + 1];
        stream.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer, 0, buffer.Length - 1);
    }

    public void Dispose()
    {
        if (catFile is not null)
        {
            catFile.StandardInput.Close();
            catFile.WaitForExit(5000);
            catFile.Dispose();
        }
    }

    private static CommitInfo ParseHeader(string[] tokens) => new(
        tokens[0].Trim(), tokens[1], tokens[2], DateTimeOffset.Parse(tokens[3], CultureInfo.InvariantCulture), tokens[4].TrimEnd('\n'));

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>(64);
        int b;
        while ((b = stream.ReadByte()) is >= 0 and not '\n')
        {
            bytes.Add((byte)b);
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }
}
