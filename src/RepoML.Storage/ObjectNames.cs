namespace RepoML.Storage;

/// <summary>The object layout every store shares: <c>objects/ab/cdef…</c> (first two hex characters shard the folder).</summary>
internal static class ObjectNames
{
    public const string ObjectsFolder = "objects";

    /// <summary>'/'-separated name relative to the store root, e.g. <c>objects/ab/cdef…</c>.</summary>
    public static string Relative(Digest digest) => $"{ObjectsFolder}/{digest.Hex[..2]}/{digest.Hex[2..]}";

    /// <summary>Reads a digest back from a shard folder name and a file name; null for anything else (temp files, strays).</summary>
    public static Digest? FromParts(string shard, string rest) =>
        shard.Length == 2 && Digest.IsValidHex(string.Concat(shard, rest)) ? Digest.FromHex(shard + rest) : null;
}
