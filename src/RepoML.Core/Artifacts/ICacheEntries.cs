namespace RepoML.Core.Artifacts;

/// <summary>
/// The step cache's index: cache key → small JSON entry naming the outputs' digests. Entries are written once
/// and never change (a key determines its outputs), so sharing them between machines needs no locking.
/// Keys are the hex part of a <c>sha256:…</c> cache key.
/// </summary>
public interface ICacheEntries
{
    /// <summary>Where the entries live, for messages.</summary>
    string Location { get; }

    IAsyncEnumerable<string> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The entry's JSON, or null when absent.</summary>
    Task<string?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Adds an entry unless one exists already (first writer wins). Returns whether it was added.</summary>
    Task<bool> TryAddAsync(string key, string json, CancellationToken cancellationToken = default);
}
