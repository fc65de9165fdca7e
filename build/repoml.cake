// How every target starts the repoml tool: the one launcher. In order:
//   1. REPOML_CLI, when set: an executable, or a repoml.dll run with `dotnet` (a tool you built yourself);
//   2. the tool a Build target installed into a folder of its own (the RepoML repository packs and installs its own);
//   3. otherwise the workspace's local tool, `dotnet repoml` (.config/dotnet-tools.json; `dotnet tool restore`).
// The targets hold no logic: each is a call to the tool, which is usable on its own.

/// <summary>Set by a Build target that installs the tool into a folder (artifacts/tool/repoml); null: the local tool.</summary>
string repomlInstalled = null;

/// <summary>The program and leading arguments that start the tool.</summary>
(string FileName, string[] Prefix) RepoMLLauncher()
{
    var cli = EnvironmentVariable("REPOML_CLI");
    if (!string.IsNullOrEmpty(cli))
    {
        return cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", new[] { cli }) : (cli, new string[0]);
    }

    return repomlInstalled != null ? (repomlInstalled, new string[0]) : ("dotnet", new[] { "repoml" });
}

/// <summary>Runs `repoml ARGS` from the workspace root and fails the task on a non-zero exit code.</summary>
void RepoML(params string[] args)
{
    var exitCode = RunRepoML(args, redirect: false, out _);
    if (exitCode != 0)
    {
        // repoml exit codes: 1 invalid input, 2 usage error, 3 unexpected error, 4 a gate failed, 5 an alert fired.
        throw new CakeException(exitCode, $"repoml {string.Join(" ", args)} failed with exit code {exitCode}.");
    }
}

/// <summary>Runs `repoml ARGS` and returns its standard output; fails the task on a non-zero exit code.</summary>
string RepoMLOutput(params string[] args)
{
    var exitCode = RunRepoML(args, redirect: true, out var output);
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"repoml {string.Join(" ", args)} failed with exit code {exitCode}.");
    }

    return output;
}

int RunRepoML(string[] args, bool redirect, out string output)
{
    var (fileName, prefix) = RepoMLLauncher();
    var arguments = new ProcessArgumentBuilder();
    foreach (var arg in prefix.Concat(args))
    {
        arguments.AppendQuoted(arg);
    }

    Information("repoml {0}", string.Join(" ", args));
    using var process = StartAndReturnProcess(fileName, new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = MakeAbsolute(Directory(".")),
        RedirectStandardOutput = redirect,
    });
    process.WaitForExit();
    output = redirect ? string.Join("\n", process.GetStandardOutput()) : null;
    return process.GetExitCode();
}
