namespace RepoML.Cli.Tests.Commands;

/// <summary>Test datasets from tests/TestData, a temp working folder, and a way to run repoml in it.</summary>
public sealed class DataFiles : IDisposable
{
    private readonly TempFolder folder = new("cli");

    public string Folder => folder.Path;

    public static string Path(string file) => TestData.Path(file);

    public string In(string relative) => System.IO.Path.Combine(Folder, relative);

    public async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var run = await CliRunner.RunAsync(Folder, args);
        return (run.ExitCode, run.Output, run.Error);
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    public void Dispose() => folder.Dispose();
}
