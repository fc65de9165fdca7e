namespace RepoML.Core.Pipelines;

/// <summary>A job output: a folder (<c>uri_folder</c>, the default) or a single file (<c>uri_file</c>).</summary>
public sealed record OutputPort(string Name, bool IsFile)
{
    /// <summary>The asset this output is registered as when its job completes; null when it has no name.</summary>
    public OutputRegistration? Registration { get; init; }
}
