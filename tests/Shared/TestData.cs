namespace RepoML.Tests.Shared;

/// <summary>The repository's shipped test data (tests/TestData), read in place.</summary>
internal static class TestData
{
    public static string Folder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "TestData");

    /// <summary>The full path of <paramref name="file"/> under tests/TestData; fails when it is not there.</summary>
    public static string Path(string file)
    {
        var candidate = System.IO.Path.Combine(Folder, file);
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException($"tests/TestData/{file} not found under {RepositoryRoot.Path}");
    }

    /// <summary>A plain comma-separated file under tests/TestData (no quoted cells): its header and its rows, in order.</summary>
    public static (string[] Header, List<IReadOnlyList<string>> Rows) Csv(string file)
    {
        var lines = File.ReadAllLines(Path(file));
        return (lines[0].Split(','), lines.Skip(1).Select(l => (IReadOnlyList<string>)l.Split(',')).ToList());
    }
}
