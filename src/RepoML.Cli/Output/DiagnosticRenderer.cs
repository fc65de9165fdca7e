using RepoML.Core.Diagnostics;

namespace RepoML.Cli.Output;

/// <summary>Writes diagnostics in the chosen output format (<see cref="DiagnosticFormat"/> makes the text).</summary>
public static class DiagnosticRenderer
{
    public static void Render(TextWriter output, OutputFormat format, IReadOnlyList<Diagnostic> diagnostics, Func<string, string?> sourceOf,
        bool includeInfo)
    {
        var lines = format switch
        {
            OutputFormat.Json => [DiagnosticFormat.Json(diagnostics).ToJsonString(new JsonSerializerOptions { WriteIndented = true })],
            OutputFormat.AzurePipelines => diagnostics.Where(d => d.Severity != Severity.Info).Select(DiagnosticFormat.AzurePipelines),
            OutputFormat.Github => diagnostics.Select(DiagnosticFormat.Github),
            _ => diagnostics.Where(d => includeInfo || d.Severity != Severity.Info)
                .Select(d => DiagnosticFormat.Text(d, d.File is null ? null : sourceOf(d.File))),
        };
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }
}
