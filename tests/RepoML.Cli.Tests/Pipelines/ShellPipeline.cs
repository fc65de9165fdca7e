namespace RepoML.Cli.Tests.Pipelines;

/// <summary>
/// A workspace whose pipeline runs plain shell commands: a → c, b independent, d after c. Fast, real processes.
/// Each job appends its name to ran.log in the workspace so tests see which jobs really ran.
/// </summary>
internal static class ShellPipeline
{
    public const string Environment = """
        $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
        name: shell
        image: debian:bookworm-slim
        """;

    public static string Pipeline(
        string settings = "", string cCommand = "cat ${{inputs.upstream}}/a.txt ${{inputs.upstream}}/a.txt > ${{outputs.out}}/c.txt") => $$$"""
        $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
        type: pipeline
        {{{settings}}}
        inputs:
          data:
            type: uri_file
            path: ../data/a.txt
          other:
            type: uri_file
            path: ../data/b.txt
          greeting: hello
        jobs:
          a:
            type: command
            command: echo a >> ../../../../../ran.log; tr a-z A-Z < ${{inputs.src}} > ${{outputs.out}}/a.txt
            environment: azureml:shell@latest
            inputs:
              src: ${{parent.inputs.data}}
            outputs:
              out:
                type: uri_folder
          b:
            type: command
            command: echo b >> ../../../../../ran.log; echo ${{inputs.word}} | cat - ${{inputs.src}} > ${{outputs.out}}/b.txt
            environment: azureml:shell@latest
            inputs:
              src: ${{parent.inputs.other}}
              word: ${{parent.inputs.greeting}}
            outputs:
              out:
                type: uri_folder
          c:
            type: command
            command: echo c >> ../../../../../ran.log; {{{cCommand}}}
            environment: azureml:shell@latest
            inputs:
              upstream: ${{parent.jobs.a.outputs.out}}
            outputs:
              out:
                type: uri_folder
          d:
            type: command
            command: echo d >> ../../../../../ran.log; wc -c < ${{inputs.upstream}}/c.txt > ${{outputs.out}}/d.txt
            environment: azureml:shell@latest
            inputs:
              upstream: ${{parent.jobs.c.outputs.out}}
            outputs:
              out:
                type: uri_folder
        """;

    /// <summary>A pipeline of independent jobs, one per name, each running <paramref name="command"/> with one folder output.</summary>
    public static string IndependentJobs(string command, params string[] names) => string.Concat(
        names.Select(name => $$"""

              {{name}}:
                type: command
                command: {{command}}
                environment: azureml:shell@latest
                outputs:
                  out:
                    type: uri_folder
            """).Prepend("""
            $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
            type: pipeline
            jobs:
            """));

    public static TempWorkspace Create(string settings = "", string? cCommand = null)
    {
        var workspace = new TempWorkspace()
            .Write("environments/shell.yml", Environment)
            .Write("data/a.txt", "alpha\n")
            .Write("data/b.txt", "beta\n");
        return workspace.Write("pipelines/p.yml", cCommand is null ? Pipeline(settings) : Pipeline(settings, cCommand));
    }

    /// <summary>The jobs that really ran since the last call, in order, and clears the log.</summary>
    public static IReadOnlyList<string> TakeRanJobs(TempWorkspace workspace)
    {
        var log = Path.Combine(workspace.Root, "ran.log");
        if (!File.Exists(log))
        {
            return [];
        }

        var jobs = File.ReadAllLines(log).Where(l => l.Length > 0).ToList();
        File.Delete(log);
        return jobs;
    }
}
