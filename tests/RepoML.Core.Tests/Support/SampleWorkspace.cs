namespace RepoML.Core.Tests.Support;

/// <summary>A small valid workspace in memory: a model, an environment, an online endpoint with two deployments, a pipeline.</summary>
internal static class SampleWorkspace
{
    public static readonly string Endpoint = SampleSpecs.Endpoint(("blue", 90), ("green", 10));

    public static string Deployment(string name, string model = "azureml:credit@latest") => SampleSpecs.Deployment(name, model);

    public const string Model = SampleSpecs.Model;

    public const string Environment = SampleSpecs.Environment;

    public const string Component = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
        name: train_model
        type: command
        inputs:
          data:
            type: uri_file
          trees:
            type: integer
            default: 10
        outputs:
          model:
            type: uri_folder
        command: repoml train --data ${{inputs.data}} --param number_of_trees=${{inputs.trees}} --out ${{outputs.model}}
        environment: azureml:onnx-serving@latest
        """;

    public const string Pipeline = """
        $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
        type: pipeline
        inputs:
          data:
            type: uri_file
            path: ../data/credit.csv
        jobs:
          train:
            type: command
            component: ./components/train.yml
            inputs:
              data: ${{parent.inputs.data}}
          score:
            type: command
            component: ./components/train.yml
            inputs:
              data: ${{parent.jobs.train.outputs.model}}
        """;

    public static InMemoryWorkspaceFiles Files() => new InMemoryWorkspaceFiles()
        .With("models/credit.yml", Model)
        .With("models/credit/README.md", "model files live in the store")
        .With("environments/onnx-serving.yml", Environment)
        .With("endpoints/credit/endpoint.yml", Endpoint)
        .With("endpoints/credit/blue.yml", Deployment("blue"))
        .With("endpoints/credit/green.yml", Deployment("green"))
        .With("endpoints/credit/code/score.py", "def run(raw): pass")
        .With("data/credit.csv", "a,b\n1,2\n")
        .With("pipelines/train.yml", Pipeline)
        .With("pipelines/components/train.yml", Component);
}
