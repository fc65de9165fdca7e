namespace RepoML.Workflows.Disk;

/// <summary>Writes a text file through a writer, creating its folder first.</summary>
public static class TextFiles
{
    public static void Write(string path, Action<TextWriter> write)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using var writer = new StreamWriter(path);
        write(writer);
    }
}
