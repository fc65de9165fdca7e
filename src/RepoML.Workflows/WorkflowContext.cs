namespace RepoML.Workflows;

/// <summary>
/// What a workflow may touch of the outside world: the folder it runs in, the environment, the clock and an output sink
/// (progress and notes; results come back as values). Shells extend it: the CLI adds its console and progress display.
/// </summary>
public class WorkflowContext(TextWriter output, TextWriter error, string currentDirectory, Func<string, string?> environment, TimeProvider time)
{
    /// <summary>Progress lines a person reads (the CLI's stdout).</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Notes and warnings that must not mix with a machine-readable result (the CLI's stderr).</summary>
    public TextWriter Error { get; } = error;

    public string CurrentDirectory { get; } = currentDirectory;

    public TimeProvider Time { get; } = time;

    /// <summary>The workspace: the nearest folder above <see cref="CurrentDirectory"/> holding <c>.git</c>.</summary>
    public string WorkspaceRoot => Disk.WorkspaceRoot.Find(CurrentDirectory);

    public Func<string, string?> Environment { get; } = environment;

    public string? GetEnvironmentVariable(string name) => Environment(name);

    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>Runs slow work while telling a person watching what it is doing; the default shows nothing.</summary>
    public virtual T WithStatus<T>(string status, Func<T> work) => work();

    /// <inheritdoc cref="WithStatus{T}(string, Func{T})"/>
    public virtual Task<T> WithStatusAsync<T>(string status, Func<Task<T>> work) => work();

    /// <summary>Runs work that reports its progress as (done, total); the default shows nothing.</summary>
    public virtual Task<T> WithProgressAsync<T>(string title, Func<Action<int, int>, Task<T>> work) => work((_, _) => { });
}
