namespace RepoML.Tests.Shared;

/// <summary>Locates the Azure ML example corpus (shared/azureml-examples/cli beside the repository); null where it is absent.</summary>
internal static class AzureMlExamples
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "azureml-examples", "cli");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
