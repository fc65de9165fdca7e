namespace RepoML.Onnx.Tests;

/// <summary>Finds tests/TestData from the test assembly's folder, so tests read the shipped datasets in place.</summary>
internal static class TestData
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "TestData", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/TestData/{file} not found above {AppContext.BaseDirectory}");
    }
}
