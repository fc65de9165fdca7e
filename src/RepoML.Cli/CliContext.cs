using Spectre.Console;

namespace RepoML.Cli;

/// <summary>What a command may touch of the outside world, injected so tests capture output and control time.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, string currentDirectory, Func<string, string?> environment, TimeProvider time, bool interactive)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string CurrentDirectory { get; } = currentDirectory;

    public TimeProvider Time { get; } = time;

    /// <summary>True when a person watches a terminal: progress displays are shown only then.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A Spectre console writing to <see cref="Output"/>, for tables and progress.</summary>
    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });

    public string? GetEnvironmentVariable(string name) => environment(name);

    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    public static CliContext FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariable,
        TimeProvider.System,
        interactive: !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>A context for tests: captured writers, no colours, no progress.</summary>
    public static CliContext ForTest(TextWriter output, TextWriter error, string currentDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        new(output, error, currentDirectory, name => environment?.GetValueOrDefault(name), TimeProvider.System, interactive: false);
}
