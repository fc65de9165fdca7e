namespace RepoML.Serving.CustomScorers;

/// <summary>
/// What a deployment's <c>code_configuration</c> names, checked: a .NET project to build or a .NET assembly to load.
/// <c>code</c> is relative to the deployment file, <c>scoring_script</c> to <c>code</c>, as on Azure ML.
/// </summary>
/// <param name="Deployment">The deployment's name (for messages).</param>
/// <param name="CodeFolder">The code folder, absolute.</param>
/// <param name="ScoringScript">The scoring script as written in the file.</param>
/// <param name="Path">The scoring script, absolute.</param>
/// <param name="IsProject">True for a <c>.csproj</c> (built first), false for a <c>.dll</c>.</param>
public sealed record ScorerSource(string Deployment, string CodeFolder, string ScoringScript, string Path, bool IsProject)
{
    /// <summary>Checks the deployment's code configuration.</summary>
    /// <param name="settings">The deployment, with a <see cref="DeploymentSettings.ScoringScript"/>.</param>
    /// <param name="deploymentFolder">The folder of the deployment file, absolute.</param>
    /// <exception cref="ScorerLoadException">A Python script, another kind of file, or a missing folder or file.</exception>
    public static ScorerSource For(DeploymentSettings settings, string deploymentFolder)
    {
        var script = settings.ScoringScript ?? throw new ArgumentException($"deployment '{settings.Name}' has no scoring script", nameof(settings));
        var name = settings.Name;
        var extension = System.IO.Path.GetExtension(script).ToLowerInvariant();
        if (extension == ".py")
        {
            throw new ScorerLoadException($"deployment '{name}' runs the Python scoring script '{script}', which needs the container " +
                $"target (repoml package); "
                + "locally, remove code_configuration to score the model with the built-in ONNX scorer, or point scoring_script to a " +
                    ".NET scorer (.csproj or .dll)");
        }

        if (extension is not (".csproj" or ".dll"))
        {
            var hint = extension == ".cs" ? "; for C# source files, name the project that compiles them" : "";
            throw new ScorerLoadException($"deployment '{name}': scoring script '{script}' cannot be served locally: " +
                $"code_configuration.scoring_script must be "
                + $"a .NET scorer project (.csproj) or assembly (.dll), or a Python script (.py) for the container target{hint}");
        }

        var code = System.IO.Path.GetFullPath(settings.CodeFolder ?? ".", deploymentFolder);
        if (!Directory.Exists(code))
        {
            throw new ScorerLoadException($"deployment '{name}': code folder '{settings.CodeFolder}' does not exist ({code})");
        }

        var path = System.IO.Path.GetFullPath(script, code);
        return File.Exists(path)
            ? new ScorerSource(name, code, script, path, extension == ".csproj")
            : throw new ScorerLoadException($"deployment '{name}': scoring script '{script}' does not exist in code folder " +
                $"'{settings.CodeFolder}' ({path})");
    }
}
