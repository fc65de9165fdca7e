namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Makes <c>repoml</c> callable from pipeline steps: a small script on the steps' PATH that runs this very
/// build of the tool, so a pipeline uses the RepoML that runs it.
/// </summary>
public static class RepoMLShim
{
    public static string Write(string folder, string toolAssembly)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "repoml");
        var dll = toolAssembly;
        var script = $"#!/bin/sh\nexec dotnet \"{dll}\" \"$@\"\n";
        if (!File.Exists(path) || File.ReadAllText(path) != script)
        {
            AtomicText.Write(path, script);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
                    UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }

        return folder;
    }
}
