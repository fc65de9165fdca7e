using RepoML.Core.Runs;

namespace RepoML.Core.Registry;

/// <summary>
/// The committed record of one registered version: <c>registry/&lt;kind&gt;/&lt;name&gt;/versions/&lt;key&gt;.json</c>.
/// It names the content (a folder manifest digest in the artifact store) and where it came from; the version
/// number itself is not stored but derived from the commit that added the file (see <see cref="RegistryBuilder"/>).
/// </summary>
public sealed record RegistrationRecord(
    string Schema,
    string Kind,
    string Name,
    string Digest,
    long Size,
    int FileCount,
    string? Spec,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset RegisteredAt,
    string? SourceCommit,
    string? SourceBranch,
    RunLineage? Run)
{
    public const string CurrentSchema = "repoml.registration/v1";

    /// <summary>The record's file name stem: the first 16 hex characters of the content digest.</summary>
    public string Key => KeyOf(Digest);

    public static string KeyOf(string digest) => Artifacts.Digest.Parse(digest).Hex[..16];
}
