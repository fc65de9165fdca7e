using System.Diagnostics;
using System.Globalization;
using System.Text;
using RepoML.Core.Registry;

namespace RepoML.Git;

/// <summary>
/// <see cref="IGitHistory"/> with the git command line: one <c>git log --first-parent --raw</c> for the history
/// (git filters by path in C, the fastest way over long histories) and one long-lived <c>git cat-file --batch</c>
/// for blob contents.
/// </summary>
public sealed class GitCliHistory(string repositoryPath) : IGitHistory
{
    private const string Format = "--format=%x01%H%x00%an%x00%ae%x00%aI%x00%B%x00";
    private readonly Dictionary<string, string> prefetched = new(StringComparer.Ordinal);
    private Process? catFile;

    public bool IsShallow => GitProcess.Output(repositoryPath, "rev-parse", "--is-shallow-repository").Trim() == "true";

    public string? ResolveCommit(string revision)
    {
        var (code, output, _) = GitProcess.Run(repositoryPath, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        return code == 0 ? output.Trim() : null;
    }

    public CommitInfo? GetCommit(string sha)
    {
        var (code, output, _) = GitProcess.Run(repositoryPath, ["show", "-s", "--no-show-signature", Format, "--end-of-options", sha]);
        return code == 0 ? ParseHeader(output.TrimStart('\u0001').Split('\0')) : null;
    }

    public IReadOnlyList<HistoryCommit> FirstParentChanges(string tipSha, IReadOnlyList<string> pathPrefixes)
    {
        var arguments = new List<string> { "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-renames", "--no-abbrev", "-z", "--reverse", Format, tipSha, "--" };
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
            .Select(line => (Meta: line[..line.IndexOf('\t', StringComparison.Ordinal)].Split(' '), Path: line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..]))
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

        catFile ??= GitProcess.Start(repositoryPath, ["cat-file", "--batch"], redirectInput: true);
        catFile.StandardInput.Write(blobId + "\n");
        catFile.StandardInput.Flush();
        return ReadObject(catFile.StandardOutput.BaseStream, blobId);
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
        if (header.Length < 3)
        {
            throw new InvalidOperationException($"git cat-file: object {blobId} is missing");
        }

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
