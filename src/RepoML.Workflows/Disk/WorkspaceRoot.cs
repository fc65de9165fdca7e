namespace RepoML.Workflows.Disk;

/// <summary>Finds the workspace root: the nearest folder holding <c>.git</c>, else the folder itself.</summary>
public static class WorkspaceRoot
{
    public static string Find(string start)
    {
        var folder = Directory.Exists(start) ? Path.GetFullPath(start) : Path.GetDirectoryName(Path.GetFullPath(start))!;
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }

        return folder;
    }
}
