namespace RepoML.Serving.CustomScorers;

/// <summary>A scorer project's build output in the cache.</summary>
/// <param name="AssemblyPath">The scorer assembly, absolute.</param>
/// <param name="Digest">The code folder's digest: the cache entry's name.</param>
/// <param name="Built">True when this call ran <c>dotnet build</c>; false when the cache already held the output.</param>
/// <param name="Duration">How long the build (or the cache lookup) took.</param>
public sealed record ScorerBuild(string AssemblyPath, string Digest, bool Built, TimeSpan Duration);
