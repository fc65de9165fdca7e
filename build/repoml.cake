// Runs the repoml CLI for the other targets. By default the CLI is published from src/RepoML.Cli once
// per Cake run (the "Build" task) into artifacts/repoml, precompiled (ReadyToRun) for this machine as a
// user's installed tool is; set REPOML_CLI to use another one instead: a repoml.dll path (run with
// `dotnet`) or an executable such as an installed `repoml` tool.

var repomlCli = EnvironmentVariable("REPOML_CLI");
var repomlDll = File("artifacts/repoml/repoml.dll");

Task("Build")
    .Description("Publishes the repoml CLI (Release, ReadyToRun) to artifacts/repoml unless REPOML_CLI names one.")
    .WithCriteria(() => string.IsNullOrEmpty(repomlCli), "REPOML_CLI is set")
    .Does(() =>
{
    DotNetPublish("src/RepoML.Cli", new DotNetPublishSettings
    {
        Configuration = "Release",
        SelfContained = false,
        OutputDirectory = "artifacts/repoml",
        NoLogo = true,
        ArgumentCustomization = args => args.Append("--use-current-runtime"),
    });
});

/// <summary>Runs `repoml ARGS` from the repository root and fails the task on a non-zero exit code.</summary>
void RepoML(params string[] args)
{
    string fileName;
    var arguments = new ProcessArgumentBuilder();
    if (string.IsNullOrEmpty(repomlCli))
    {
        fileName = "dotnet";
        arguments.AppendQuoted(MakeAbsolute(repomlDll).FullPath);
    }
    else if (repomlCli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
    {
        fileName = "dotnet";
        arguments.AppendQuoted(repomlCli);
    }
    else
    {
        fileName = repomlCli;
    }

    foreach (var arg in args)
    {
        if (arg.Length == 0 || arg.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            arguments.AppendQuoted(arg);
        }
        else
        {
            arguments.Append(arg);
        }
    }

    Information("repoml {0}", string.Join(" ", args));
    var exitCode = StartProcess(fileName, new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = MakeAbsolute(Directory(".")),
    });
    if (exitCode != 0)
    {
        // repoml exit codes: 1 invalid input, 2 usage error, 3 unexpected error.
        throw new CakeException($"repoml {string.Join(" ", args)} failed with exit code {exitCode}.");
    }
}
