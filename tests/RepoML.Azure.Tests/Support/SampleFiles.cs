namespace RepoML.Azure.Tests.Support;

/// <summary>Trimmed copies of the sample workspace's credit endpoint files.</summary>
internal static class SampleFiles
{
    public const string Endpoint = """
        $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
        name: credit
        description: Online credit risk scoring.
        auth_mode: key
        traffic:
          blue: 90
          green: 10
        tags:
          model: credit
        """;

    public const string Environment = """
        $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
        name: onnx-serving
        inference_config:
          liveness_route:
            port: 8080
            path: /health/live
          readiness_route:
            port: 8080
            path: /health/ready
          scoring_route:
            port: 8080
            path: /score
        """;

    public static string Deployment(string name, string model) => $"""
        $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
        name: {name}
        endpoint_name: credit
        model: {model}
        environment: azureml:onnx-serving@latest
        instance_type: Standard_DS3_v2
        instance_count: 1
        request_settings:
          request_timeout_ms: 3000
          max_concurrent_requests_per_instance: 4
        liveness_probe:
          initial_delay: 10
          period: 10
          timeout: 2
          success_threshold: 1
          failure_threshold: 30
        tags:
          role: {name}
        """;
}
