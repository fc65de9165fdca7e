namespace RepoML.Bench.Validate;

/// <summary>Writes a workspace of N spec files to a temp folder: models, environments, data, endpoints with deployments, pipelines with components.</summary>
internal static class GeneratedWorkspace
{
    public static string Create(int specFiles)
    {
        var root = Path.Combine(Path.GetTempPath(), "repoml-bench-validate-" + specFiles);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var written = 0;
        for (var i = 0; written < specFiles; i++)
        {
            Write(root, $"models/m{i}.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: model-{i}\ntype: custom_model\npath: ./m{i}\ntags:\n  team: risk\n");
            Write(root, $"models/m{i}/model.onnx", "x");
            Write(root, $"environments/e{i}.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: env-{i}\nimage: mcr.microsoft.com/dotnet/aspnet:10.0\n");
            Write(root, $"data/d{i}.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: data-{i}\ntype: uri_file\npath: ./d{i}.csv\n");
            Write(root, $"data/d{i}.csv", "a,b\n1,2\n");
            Write(root, $"endpoints/ep{i}/endpoint.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\nname: ep{i:D3}\nauth_mode: key\ntraffic:\n  blue: 90\n  green: 10\n");
            foreach (var color in new[] { "blue", "green" })
            {
                Write(root, $"endpoints/ep{i}/{color}.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: {color}\nendpoint_name: ep{i:D3}\nmodel: azureml:model-{i}@latest\nenvironment: azureml:env-{i}@latest\ninstance_type: Standard_DS3_v2\ninstance_count: 1\nrequest_settings:\n  request_timeout_ms: 5000\n  max_concurrent_requests_per_instance: 4\nliveness_probe:\n  initial_delay: 10\n  period: 10\n");
            }

            Write(root, $"pipelines/components/c{i}.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\nname: train_{i}\ntype: command\ninputs:\n  data:\n    type: uri_file\n  trees:\n    type: integer\n    default: 10\noutputs:\n  model:\n    type: uri_folder\ncommand: repoml train --data ${{{{inputs.data}}}} --param number_of_trees=${{{{inputs.trees}}}} --out ${{{{outputs.model}}}}\nenvironment: azureml:env-{i}@latest\n");
            Write(root, $"pipelines/p{i}.yml", $"$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\ntype: pipeline\ninputs:\n  data:\n    type: uri_file\n    path: ../data/d{i}.csv\njobs:\n  train:\n    type: command\n    component: ./components/c{i}.yml\n    inputs:\n      data: ${{{{parent.inputs.data}}}}\n  again:\n    type: command\n    component: ./components/c{i}.yml\n    inputs:\n      data: ${{{{parent.jobs.train.outputs.model}}}}\n");
            written += 8;
        }

        return root;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
