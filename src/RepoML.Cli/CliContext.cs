namespace RepoML.Cli;

/// <summary>
/// The workflows' context plus the terminal: a Spectre console over <see cref="WorkflowContext.Output"/> for tables and
/// progress, shown only when a person watches. Injected so tests capture everything. Commands write through a
/// <see cref="TerminalSafeWriter"/>: untrusted text never acts on the terminal; Spectre writes its own escape codes to the raw writer.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, string currentDirectory, Func<string, string?> environment, TimeProvider time,
    bool interactive) : WorkflowContext(Safe(output), Safe(error), currentDirectory, environment, time)
{
    /// <summary>True when a person watches a terminal: progress displays are shown only then.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A Spectre console writing to <see cref="WorkflowContext.Output"/>, for tables and progress.</summary>
    /// <remarks>Piped or captured, it is as wide as lines go: a table wrapped at 80 columns cut run ids and digests mid-token.</remarks>
    public IAnsiConsole Console { get; } = Wide(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(interactive ? output : Safe(output)), // without ANSI of its own, Spectre's text is filtered too
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
    }), wide: !interactive);

    public override T WithStatus<T>(string status, Func<T> work) => Interactive ? Console.Status().Start(status, _ => work()) : work();

    public override Task<T> WithStatusAsync<T>(string status, Func<Task<T>> work) =>
        Interactive ? Console.Status().StartAsync(status, _ => work()) : work();

    public override Task<T> WithProgressAsync<T>(string title, Func<Action<int, int>, Task<T>> work) =>
        Interactive
            ? Console.Progress().StartAsync(p =>
            {
                var task = p.AddTask(title);
                return work((done, total) => (task.MaxValue, task.Value) = (total, done));
            })
            : work((_, _) => { });

    public static CliContext FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        Directory.GetCurrentDirectory(),
        System.Environment.GetEnvironmentVariable,
        TimeProvider.System,
        interactive: !System.Console.IsOutputRedirected && System.Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>A context for tests: captured writers, no colours, no progress.</summary>
    public static CliContext ForTest(TextWriter output, TextWriter error, string currentDirectory, IReadOnlyDictionary<string,
        string>? environment = null) =>
        new(output, error, currentDirectory, name => environment?.GetValueOrDefault(name), TimeProvider.System, interactive: false);

    private static TextWriter Safe(TextWriter writer) => TextWriter.Synchronized(new TerminalSafeWriter(writer));

    private static IAnsiConsole Wide(IAnsiConsole console, bool wide)
    {
        if (wide) { console.Profile.Width = short.MaxValue; }
        return console;
    }
}
