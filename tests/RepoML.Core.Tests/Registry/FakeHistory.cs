namespace RepoML.Core.Tests.Registry;

/// <summary>An in-memory first-parent history for Core tests: commits with files added, changed or deleted, and their blobs.</summary>
internal sealed class FakeHistory
{
    private readonly Dictionary<string, string> blobs = [];
    private int minute;

    public List<HistoryCommit> Commits { get; } = [];

    public string Read(string blobId) => blobs[blobId];

    public static RegistrationRecord Record(string name, string content, int minute = 0, IReadOnlyDictionary<string, string>? tags = null) => new(
        RegistrationRecord.CurrentSchema, "model", name, Artifacts.Digest.Compute(System.Text.Encoding.UTF8.GetBytes(content))
            .ToString(), 1, 1, null, null,
        tags ?? new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, double>(),
        new DateTimeOffset(2025, 1, 1, 0, minute, 0, TimeSpan.Zero), null, null, null);

    public FakeHistory Register(string author, params RegistrationRecord[] records) =>
        // Unchecked paths: history may hold names the registry now refuses (written before the gate, or by hand).
        Commit(author, records.Select(r => (new RegistryPath(AssetKind.Model, r.Name, RegistryFileType.Version, r.Key).Path,
            (string?)RegistrationRecordJson.Serialize(r))).ToArray());

    public FakeHistory Commit(string author, params (string Path, string? Content)[] files)
    {
        var changes = new List<FileChange>();
        foreach (var (path, content) in files)
        {
            var existed = Commits.SelectMany(c => c.Changes).LastOrDefault(c => c.Path == path) is { Kind: not FileChangeKind.Deleted };
            if (content is null)
            {
                changes.Add(new FileChange(path, FileChangeKind.Deleted, null));
                continue;
            }

            var id = $"blob{blobs.Count}";
            blobs[id] = content;
            changes.Add(new FileChange(path, existed ? FileChangeKind.Modified : FileChangeKind.Added, id));
        }

        var sha = $"{Commits.Count + 1:x4}".PadRight(40, '0');
        Commits.Add(new HistoryCommit(Commits.Count + 1, new CommitInfo(sha, author, author + "@x", new DateTimeOffset(2025, 1, 1, 0, 0, 0,
            TimeSpan.Zero).AddMinutes(++minute), $"commit by {author}"), changes));
        return this;
    }

    public RegistrySnapshot Build() => RegistryBuilder.Build(Commits, Read, Commits.LastOrDefault()?.Commit.Sha, "main");
}
