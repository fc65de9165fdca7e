using RepoML.Core.Yaml;

namespace RepoML.Azure.Tests.Jobs;

/// <summary>Job files as a user writes them, in a temp folder that stands for a repository.</summary>
internal static class JobFiles
{
    public const string Command = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
        display_name: hello
        command: bash hello.sh ${{inputs.greeting}} ${{inputs.names}} ${{outputs.out}}
        code: ./src
        environment: azureml:repoml-dotnet@latest
        compute: azureml:cpu-cluster
        environment_variables:
          MODE: test
        inputs:
          greeting: hello
          names:
            type: uri_file
            path: ./names.txt
            mode: download
        outputs:
          out:
            type: uri_folder
        limits:
          timeout: 600
        resources:
          instance_count: 1
        """;

    public const string Sweep = """
        $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
        type: sweep
        experiment_name: tune
        compute: azureml:cpu-cluster
        trial:
          command: bash train.sh --lr ${{search_space.learning_rate}} --trees ${{search_space.trees}} --out ${{outputs.model}}
          code: ./src
          environment: azureml:repoml-dotnet:2
        search_space:
          learning_rate:
            type: loguniform
            min_value: -6
            max_value: -1
          trees:
            type: choice
            values: [50, 100, 200]
        sampling_algorithm:
          type: random
          seed: 42
        objective:
          goal: maximize
          primary_metric: auc
        limits:
          max_total_trials: 8
          max_concurrent_trials: 2
          timeout: 3600
        early_termination:
          type: bandit
          evaluation_interval: 1
          slack_factor: 0.1
        outputs:
          model:
            type: uri_folder
        """;

    public static TempFolder Repository()
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("jobs/hello.yml", Command);
        folder.Write("jobs/tune.yml", Sweep);
        folder.Write("jobs/names.txt", "ada\ngrace\n");
        folder.Write("jobs/src/hello.sh", "echo \"$1 $(cat $2)\" > $3/greeting.txt\n");
        folder.Write("jobs/src/train.sh", "echo trained > model.txt\n");
        return folder;
    }

    public static YamlMapping Read(string path) => (YamlMapping)YamlReader.Read(path, File.ReadAllText(path)).Root!;
}
