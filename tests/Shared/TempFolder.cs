namespace RepoML.Tests.Shared;

/// <summary>A fresh folder under the system temp folder, deleted at dispose: every test's scratch space.</summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="prefix">Names the folder after what it holds (repoml-PREFIX-…), for someone reading /tmp.</param>
    public TempFolder(string prefix = "tests")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"repoml-{prefix}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Writes the files under <paramref name="folder"/>, in the order given; returns the folder's full path.</summary>
    public string WriteAll(string folder, IEnumerable<(string Relative, string Content)> files)
    {
        foreach (var (relative, content) in files)
        {
            Write(System.IO.Path.Combine(folder, relative), content);
        }

        return this[folder];
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal); // git makes its objects read-only
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A killed child may still be releasing a file; the OS temp cleaner gets it.
        }
    }
}
