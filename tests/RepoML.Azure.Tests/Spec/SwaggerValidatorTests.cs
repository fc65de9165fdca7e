using RepoML.Tests.Shared.AzureMl;

namespace RepoML.Azure.Tests.Spec;

/// <summary>The validator the ARM stand-in checks bodies with, against the REST spec of api-version 2024-10-01: it refuses what Azure would.</summary>
public sealed class SwaggerValidatorTests
{
    private const string Job = "JobBaseResource";
    private const string Deployment = "OnlineDeploymentTrackedResource";
    private const string Endpoint = "OnlineEndpointTrackedResource";
    private static readonly SwaggerValidator Validator = new(SwaggerSpec.Load("2024-10-01"));

    /// <summary>Why, the definition, a body that breaks it in one way, and where and what the violation is.</summary>
    public static TheoryData<string, string, string, string, string> KnownBad => new()
    {
        { "input without a discriminator", Job, """{"properties":{"jobType":"Pipeline","inputs":{"data":{"type":"uri_file","path":"../data/credit.csv"}}}}""", "properties.inputs.data.jobInputType", "missing" },
        { "literal input as a bare number", Job, """{"properties":{"jobType":"Pipeline","inputs":{"trees":100}}}""", "properties.inputs.trees", "expected an object" },
        { "output without a discriminator", Job, """{"properties":{"jobType":"Pipeline","outputs":{"model":{"type":"uri_folder"}}}}""", "properties.outputs.model.jobOutputType", "missing" },
        { "location on a job", Job, """{"location":"westeurope","properties":{"jobType":"Pipeline"}}""", "location", "not a property of JobBaseResource" },
        { "location on a model version", "ModelVersionResource", """{"location":"westeurope","properties":{"modelUri":"azureml://x"}}""", "location", "not a property" },
        { "location on an environment version", "EnvironmentVersionResource", """{"location":"westeurope","properties":{"image":"x"}}""", "location", "not a property" },
        { "unknown job type", Job, """{"properties":{"jobType":"Pipelines"}}""", "properties.jobType", "names no subtype of JobBase" },
        { "discriminator values are exact", Job, """{"properties":{"jobType":"Pipeline","inputs":{"x":{"jobInputType":"Literal","value":"1"}}}}""", "properties.inputs.x.jobInputType", "names no subtype" },
        { "closed enum (modelAsString: false)", Endpoint, """{"location":"w","sku":{"name":"Default","tier":"standard"},"properties":{"authMode":"Key"}}""", "sku.tier", "case-sensitive" },
        { "unknown value of an extensible enum", Endpoint, """{"location":"w","properties":{"authMode":"Token"}}""", "properties.authMode", "is not one of AMLToken, Key, AADToken" },
        { "property of no type (additionalProperties: false)", Job, """{"properties":{"jobType":"Command","command":"echo","environmentId":"/e","compute":"cpu"}}""", "properties.compute", "not a property of CommandJob" },
        { "read-only property sent", Job, """{"properties":{"jobType":"Command","command":"echo","environmentId":"/e","status":"Running"}}""", "properties.status", "read-only" },
        { "duration format", Deployment, """{"location":"w","properties":{"endpointComputeType":"Managed","requestSettings":{"requestTimeout":"3000"}}}""", "properties.requestSettings.requestTimeout", "not a valid duration" },
        { "uuid format", Job, """{"properties":{"jobType":"Pipeline","identity":{"identityType":"Managed","clientId":"not-a-guid"}}}""", "properties.identity.clientId", "not a valid uuid" },
        { "int32 range", Deployment, """{"location":"w","sku":{"name":"Default","capacity":3000000000},"properties":{"endpointComputeType":"Managed"}}""", "sku.capacity", "not a valid int32" },
        { "null where not nullable", Job, """{"properties":{"jobType":"Pipeline","experimentName":null}}""", "properties.experimentName", "null is not allowed" },
        { "empty literal (minLength 1)", Job, """{"properties":{"jobType":"Pipeline","inputs":{"x":{"jobInputType":"literal","value":""}}}}""", "properties.inputs.x.value", "minLength" },
        { "required property of a nested type", "EnvironmentVersionResource", """{"properties":{"inferenceConfig":{"scoringRoute":{"path":"/score"}}}}""", "properties.inferenceConfig.scoringRoute.port", "missing" },
    };

    [Theory]
    [MemberData(nameof(KnownBad))]
    public void Should_report_the_violation_When_a_body_breaks_the_spec(string why, string definition, string body, string path, string message)
    {
        // When
        var violations = Validator.Validate(JsonNode.Parse(body), $"#/definitions/{definition}");

        // Then
        Assert.True(violations.Any(v => v.Path == path && v.Message.Contains(message, StringComparison.Ordinal)),
            $"{why}: expected '{path}: …{message}…', got [{string.Join("; ", violations)}]");
    }

    [Fact]
    public void Should_find_what_the_issue_found_When_given_the_pipeline_body_RepoML_used_to_send()
    {
        // Given: the job body RepoML sent for pipelines/train.yml before it followed the spec.
        var body = JsonNode.Parse("""
            {"location":"westeurope","properties":{"jobType":"Pipeline","displayName":"Train credit model","experimentName":"credit",
             "inputs":{"data":{"type":"uri_file","path":"../data/credit/credit.csv"},"number_of_trees":100,"learning_rate":0.05,"number_of_leaves":8},
             "outputs":{"trained_model":{"type":"uri_folder"},"evaluation":{"type":"uri_folder"}},
             "jobs":{"split":{"type":"command","component":"./components/split.yml"}},
             "settings":{"default_compute":"azureml:cpu-cluster"}}}
            """);

        // When
        var violations = Validator.Validate(body, "#/definitions/JobBaseResource").Select(v => v.Path).Order(StringComparer.Ordinal);

        // Then: location, three bare literals, one input and two outputs without their discriminators.
        Assert.Equal(
        [
            "location", "properties.inputs.data.jobInputType", "properties.inputs.learning_rate", "properties.inputs.number_of_leaves",
            "properties.inputs.number_of_trees", "properties.outputs.evaluation.jobOutputType", "properties.outputs.trained_model.jobOutputType",
        ], violations);
    }

    [Fact]
    public void Should_accept_the_bodies_When_they_follow_the_spec()
    {
        // Given: a command job and a managed deployment with data collection, as api-version 2024-10-01 defines them.
        var job = JsonNode.Parse("""
            {"properties":{"jobType":"Command","command":"python train.py --lr ${{inputs.lr}}","environmentId":"/subscriptions/s/environments/e/versions/1",
             "computeId":"/subscriptions/s/computes/cpu","experimentName":"x","tags":{"a":"b"},"inputs":{"lr":{"jobInputType":"literal","value":"0.1"},
             "data":{"jobInputType":"uri_file","uri":"azureml://datastores/workspaceblobstore/paths/a.csv","mode":"Download"}},
             "outputs":{"model":{"jobOutputType":"uri_folder","mode":"ReadWriteMount"}},"limits":{"jobLimitsType":"Command","timeout":"PT1H"},
             "resources":{"instanceCount":2,"shmSize":"2g"},"distribution":{"distributionType":"PyTorch","processCountPerInstance":2},
             "identity":{"identityType":"Managed","clientId":"11111111-2222-3333-4444-555555555555"}}}
            """);
        var deployment = JsonNode.Parse("""
            {"location":"westeurope","kind":"Managed","sku":{"name":"Default","capacity":1},"tags":{"role":"blue"},
             "properties":{"endpointComputeType":"Managed","model":"/m/versions/1","environmentId":"/e/versions/1","instanceType":"Standard_DS3_v2",
              "scaleSettings":{"scaleType":"Default"},"requestSettings":{"requestTimeout":"PT3S","maxConcurrentRequestsPerInstance":4},
              "livenessProbe":{"initialDelay":"PT10S","period":"PT10S","timeout":"PT2S","successThreshold":1,"failureThreshold":30},
              "dataCollector":{"collections":{"model_inputs":{"dataCollectionMode":"Enabled"}},"rollingRate":"Hour"}}}
            """);

        // Then
        Assert.Empty(Validator.Validate(job, "#/definitions/JobBaseResource"));
        Assert.Empty(Validator.Validate(deployment, $"#/definitions/{Deployment}"));
    }
}
