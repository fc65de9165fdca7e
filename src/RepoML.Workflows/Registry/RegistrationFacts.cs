namespace RepoML.Workflows.Registry;

/// <summary>
/// What a registration records about how the content was made, as properties (shown by <c>models show</c>, lineage and the
/// JSON record): <c>git_dirty</c> when the code had uncommitted changes, and the hyper-parameters as <c>param.NAME</c> (a run's
/// training-job literal inputs, or model-info.json's params for files). A property the author set is never replaced.
/// </summary>
public static class RegistrationFacts
{
    public const string DirtyProperty = "git_dirty";
    public const string ParameterPrefix = "param.";

    /// <param name="run">The run the content came from, with the job that produced it; null for files.</param>
    /// <param name="folder">The registered folder (files), where model-info.json may be; null otherwise.</param>
    /// <returns>Whether the code was dirty (the run's tree, or the working tree now for files).</returns>
    public static bool Add(IDictionary<string, string> properties, string workspaceRoot, RunRecord? run, JobRecord? job, string? folder)
    {
        var dirty = run?.Git.Dirty ?? new GitContext(workspaceRoot).State().Dirty;
        if (dirty) { properties.TryAdd(DirtyProperty, "true"); }
        if (job is not null)
        {
            foreach (var (name, value) in job.Inputs.Where(i => !i.Value.StartsWith("sha256:", StringComparison.Ordinal)))
            {
                properties.TryAdd(ParameterPrefix + name, value);
            }
        }
        else if (folder is not null && Info(folder) is { } info)
        {
            properties.TryAdd(ParameterPrefix + "trainer", info.Trainer.ToString().ToLowerInvariant());
            foreach (var (name, value) in info.Parameters)
            {
                properties.TryAdd(ParameterPrefix + name, value.ToString("G6", CultureInfo.InvariantCulture));
            }
        }

        return dirty;
    }

    // A model folder's model-info.json; null for other content, or one that does not parse (the registration does not need it).
    private static ModelInfo? Info(string folder)
    {
        if (!File.Exists(Path.Combine(folder, ModelFiles.ModelFileName)) || !File.Exists(Path.Combine(folder, ModelInfo.FileName))) { return null; }
        try { return ModelFiles.Resolve(folder).Info; }
        catch (Exception ex) when (ex is TrainingDataException or JsonException or IOException) { return null; }
    }
}
