using System.Formats.Tar;

namespace RepoML.Containers;

/// <summary>
/// Writes a folder as a tar whose bytes depend only on the files: entries sorted by path, one fixed time, owners
/// chosen by the caller. Used for base image root filesystems.
/// </summary>
public static class DeterministicTar
{
    /// <param name="owner">Owner uid/gid for a path relative to the root (e.g. the writable state folder for the app user).</param>
    public static void Write(string folder, string tarPath, DateTimeOffset time, Func<string, int> owner)
    {
        using var stream = File.Create(tarPath);
        using var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: false);
        var root = new DirectoryInfo(folder);
        foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .OrderBy(e => Path.GetRelativePath(folder, e.FullName), StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            var isLink = entry.LinkTarget is not null;
            var type = isLink ? TarEntryType.SymbolicLink : entry is DirectoryInfo ? TarEntryType.Directory : TarEntryType.RegularFile;
            var tar = new UstarTarEntry(type, type == TarEntryType.Directory ? relative + "/" : relative)
            {
                ModificationTime = time,
                Mode = OperatingSystem.IsWindows() ? (UnixFileMode)0b110_100_100 : (UnixFileMode)((int)File.GetUnixFileMode(entry.FullName) & 0xFFF),
                Uid = owner(relative),
                Gid = owner(relative),
            };
            if (isLink)
            {
                tar.LinkName = entry.LinkTarget!;
            }
            else if (type == TarEntryType.RegularFile)
            {
                tar.DataStream = File.OpenRead(entry.FullName);
            }

            writer.WriteEntry(tar);
            tar.DataStream?.Dispose();
        }
    }
}
