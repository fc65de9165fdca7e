using RepoML.Core.Scoring;
using RepoML.Training;
using RepoML.Training.Data;
using RepoML.Training.Trainers;

namespace RepoML.Cli.Commands.Training;

/// <summary>Shared plumbing of the data/train/evaluate/sweep commands: expected failures become messages and exit codes.</summary>
internal static class TrainingCommandRunner
{
    /// <summary>Runs <paramref name="body"/>; bad data → "error: …" and exit 1, bad options → <see cref="WorkflowException"/> (exit 2).</summary>
    public static int Run(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (TrainingOptionsException ex)
        {
            throw WorkflowException.Usage(ex.Message);
        }
        catch (Exception ex) when (ex is TrainingDataException or ScoringInputException)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
    }

    /// <summary>Writes one JSON object (snake_case) on its own line.</summary>
    public static void WriteJson(CliContext context, object summary) =>
        context.Output.WriteLine(JsonSerializer.Serialize(summary, summary.GetType(), TrainingJson.Options));

    /// <summary>Comma-separated and/or repeated values: <c>--features a,b --features c</c>.</summary>
    public static IReadOnlyList<string>? List(string[]? values) =>
        values is null or { Length: 0 } ? null : [.. values.SelectMany(v => v.Split(',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
