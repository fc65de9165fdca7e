using RepoML.Core.Registry;

namespace RepoML.Tests.Shared;

/// <summary>
/// A fixture DSL over a real temporary Git repository, driven by the git command line: commits by named authors,
/// branches, merges, rebases, renames, tags, and registry records written as <c>repoml register</c> writes them.
/// </summary>
internal sealed class TempRepo : IDisposable
{
    private readonly TempFolder folder = new("git");
    private int clock;

    /// <param name="empty">Leave the folder empty (e.g. to clone into) instead of a repository with one commit on main.</param>
    public TempRepo(bool empty = false)
    {
        if (!empty)
        {
            Git("init", "-q", "-b", "main");
            Commit("alice", "Initial commit", ("README.md", "# repo\n"));
        }
    }

    public string Root => folder.Path;

    public TempRepo Commit(string author, string message, params (string Path, string? Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(Root, path);
            if (content is null)
            {
                Git("rm", "-q", "--", path);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Git("add", "--", path);
        }

        return CommitStaged(author, message);
    }

    /// <summary>Adds a version record for <paramref name="name"/> with content <paramref name="content"/>; returns its key.</summary>
    public string Register(string author, string name, string content, string? message = null, AssetKind kind = AssetKind.Model,
        IReadOnlyDictionary<string, string>? tags = null)
    {
        var record = Record(name, content, kind, tags);
        Commit(author, message ?? $"Register {name}", (RegistryPath.Version(kind, name, record.Key).Path, RegistrationRecordJson.Serialize(record)));
        return record.Key;
    }

    public RegistrationRecord Record(string name, string content, AssetKind kind = AssetKind.Model, IReadOnlyDictionary<string,
        string>? tags = null) => new(
        RegistrationRecord.CurrentSchema, kind.Word(), name, Core.Artifacts.Digest.Compute(System.Text.Encoding.UTF8.GetBytes(content))
            .ToString(), content.Length, 1,
        null, null, tags ?? new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, double>(),
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(++clock), null, null, null);

    public TempRepo Branch(string name) => Run("checkout", "-q", "-b", name);

    public TempRepo Checkout(string name) => Run("checkout", "-q", name);

    public TempRepo Merge(string author, string branch) => Run(Env(author), "merge", "-q", "--no-ff", "-m", $"Merge {branch}", branch);

    public TempRepo FastForward(string branch) => Run("merge", "-q", "--ff-only", branch);

    public TempRepo Rebase(string author, string onto) => Run(Env(author), "rebase", "-q", onto);

    public TempRepo Rename(string author, string from, string to)
    {
        Git("mv", from, to);
        return CommitStaged(author, $"Rename {from} to {to}");
    }

    public TempRepo Tag(string author, string name) => Run(Env(author), "tag", "-a", name, "-m", $"Tag {name}");

    public string Head => Git("rev-parse", "HEAD").Trim();

    public string Git(params string[] arguments) => Exec(null, arguments);

    public void Dispose() => folder.Dispose();

    private TempRepo CommitStaged(string author, string message) => Run(Env(author), "commit", "-q", "--allow-empty", "-m", message);

    private TempRepo Run(params string[] arguments) => Run(null, arguments);

    private TempRepo Run(Dictionary<string, string>? env, params string[] arguments)
    {
        Exec(env, arguments);
        return this;
    }

    private Dictionary<string, string> Env(string author)
    {
        // Distinct, increasing dates make `git log` order and author checks deterministic.
        var date = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(++clock).ToString("yyyy-MM-ddTHH:mm:ssK");
        return new()
        {
            ["GIT_AUTHOR_NAME"] = author, ["GIT_AUTHOR_EMAIL"] = author + "@example.com", ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = author, ["GIT_COMMITTER_EMAIL"] = author + "@example.com", ["GIT_COMMITTER_DATE"] = date,
        };
    }

    private string Exec(Dictionary<string, string>? env, string[] arguments) => TestGit.Run(Root, env, arguments);
}
