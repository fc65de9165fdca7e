namespace RepoML.Tests.Shared;

/// <summary>The RepoML repository the tests run from (the folder holding RepoML.slnx): its sample workspace and test data.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "RepoML.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("RepoML.slnx not found above " + AppContext.BaseDirectory);
    }
}
