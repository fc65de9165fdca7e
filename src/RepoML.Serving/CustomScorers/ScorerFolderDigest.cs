using System.Buffers.Binary;

namespace RepoML.Serving.CustomScorers;

/// <summary>
/// The sha256 of a scorer's code folder: every file's relative path and bytes, in ordinal path order. Build output
/// (<c>bin/</c>, <c>obj/</c>) and hidden folders (<c>.git</c>, <c>.vs</c>) are left out, so building the project, or
/// opening it in an IDE, never changes its digest.
/// </summary>
public static class ScorerFolderDigest
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    /// <summary>Hashes <paramref name="folder"/>; <paramref name="salt"/> (the project file, the runtime) is hashed first.</summary>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Compute(string folder, string salt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, salt);
        Span<byte> length = stackalloc byte[8];
        foreach (var file in Files(folder).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            Append(hash, file);
            BinaryPrimitives.WriteInt64LittleEndian(length, bytes.LongLength);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether a folder of this name is left out: build output (<c>bin</c>, <c>obj</c>) or hidden.</summary>
    public static bool IsSkippedFolder(string name) => name.StartsWith('.') || Skipped.Contains(name);

    private static IEnumerable<string> Files(string folder)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var file in Directory.EnumerateFiles(current))
            {
                yield return Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            }

            foreach (var child in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(child);
                if (!IsSkippedFolder(name) && !new DirectoryInfo(child).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
