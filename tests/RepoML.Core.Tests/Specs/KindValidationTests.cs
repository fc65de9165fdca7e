using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Specs;

/// <summary>Small documents that pin how lenient or strict each kind is where Azure ML is.</summary>
public sealed class KindValidationTests
{
    private const string Deployment = """
        name: blue
        endpoint_name: my-endpoint
        model: azureml:my-model:1
        instance_type: Standard_DS3_v2
        """;

    [Theory]
    [InlineData("endpoint_name: my-endpoint\n", "", "RML0108", Severity.Warning, "--endpoint-name")]
    [InlineData("instance_type: Standard_DS3_v2", "instance_type:", "RML0101", Severity.Error, "instance_type")]
    public void Should_ReportOneDiagnostic_When_AFieldIsLeftToTheCliFlagOrExplicitlyNull(
        string find, string replace, string expectedId, Severity expectedSeverity, string expectedText)
    {
        // Given a managed deployment without endpoint_name (the CLI flag may give it), or whose instance_type is null
        var yaml = Deployment.Replace(find, replace, StringComparison.Ordinal);

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.ManagedOnlineDeployment);

        // Then exactly one diagnostic is reported: a warning that names the flag, or one required-field error
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((expectedId, expectedSeverity), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(expectedText, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request_settings:\n  request_timeout_ms: 180000", null)]
    [InlineData("request_settings:\n  request_timeout_ms: 180001", "RML0105")]
    [InlineData("request_settings:\n  max_concurrent_requests_per_instance: 0", "RML0105")]
    [InlineData("readiness_probe:\n  initial_delay: 0", null)]
    [InlineData("readiness_probe:\n  period: 0", "RML0105")]
    [InlineData("scale_settings:\n  type: target_utilization", "RML0104")]
    [InlineData("data_collector:\n  sampling_rate: \"0.5\"\n  collections:\n    model_inputs:\n      enabled: 'true'", null)]
    [InlineData("data_collector:\n  collections:\n    model_inputs:\n      enabled: true", null)]
    [InlineData("data_collector:\n  rolling_rate: Hour", null)]
    [InlineData("data_collector:\n  sampling_rate: 2", "RML0105")]
    [InlineData("app_insights_enabled: \"true\"", null)]
    [InlineData("app_insights_enabled: maybe", "RML0103")]
    [InlineData("environment:\n  image: python:3.11\n  conda_file: conda.yml", null)]
    [InlineData("environment:\n  image: python:3.11\n  conda: conda.yml", "RML0102")]
    public void Should_ApplyManagedDeploymentRules_When_ASettingIsAdded(string extra, string? expectedId)
    {
        // Given a valid managed deployment with one more setting
        var yaml = Deployment + "\n" + extra;

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.ManagedOnlineDeployment);

        // Then only the expected error, if any, is reported
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }

    [Theory]
    [InlineData("traffic:\n  blue: 90\n  green: 10", null)]
    [InlineData("traffic:\n  blue: 101", "RML0105")]
    [InlineData("traffic:\n  blue: 50.5", "RML0103")]
    [InlineData("mirror_traffic:\n  green: 10", null)]
    [InlineData("identity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: /subscriptions/x", null)]
    [InlineData("identity:\n  type: system", "RML0104")]
    public void Should_ApplyOnlineEndpointRules_When_ASettingIsAdded(string extra, string? expectedId)
    {
        // Given a managed online endpoint with one more setting
        var yaml = "name: my-endpoint\n" + extra;

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.ManagedOnlineEndpoint);

        // Then only the expected error, if any, is reported
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }

    [Fact]
    public void Should_AcceptLiteralBindingAndDataInputs_When_ACommandJobDeclaresThem()
    {
        // Given a command job with literal, {value:}, data and null-output declarations
        const string yaml = """
            command: python train.py
            environment: azureml:AzureML-sklearn-1.5@latest
            inputs:
              epochs: 10
              rate: 0.01
              flag: true
              label: "text"
              boxed:
                value: 3
              data:
                type: uri_folder
                path: azureml://datastores/workspaceblobstore/paths/data
                mode: download
              table:
                type: mltable
                path: ./table
                mode: eval_mount
            outputs:
              model:
              report:
                type: uri_file
                mode: upload
            """;

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.CommandJob);

        // Then nothing is reported
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("type: uri_folder\n    mode: eval_mount", "RML0104")]
    [InlineData("type: custom_model\n    mode: rw_mount", "RML0104")]
    [InlineData("type: uri_folder\n    pth: ./data", "RML0102")]
    public void Should_CheckTheModesOfTheInputType_When_AnInputIsAMapping(string body, string expectedId)
    {
        // Given a command job with an input whose fields depend on its type
        var yaml = $"command: echo\nenvironment: azureml:env:1\ninputs:\n  data:\n    {body}";

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.CommandJob);

        // Then the type's own rules apply
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }

    [Fact]
    public void Should_TypeCommandNodesAndTolerateOtherNodes_When_APipelineHasBoth()
    {
        // Given a pipeline with an inline command node carrying a typo and a sweep node with fields of its own
        var yaml = $"""
            type: pipeline
            jobs:
              train:
                command: python train.py
                environment:
                  image: python:3.11
                enviroment_variables:
                  A: "1"
            {SchemaCheck.SweepNode()}
            """;

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.PipelineJob);

        // Then only the command node's typo is reported, with a suggestion
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UnknownField.Id, error.Id);
        Assert.Equal(7, error.Line);
        Assert.Contains("did you mean 'environment_variables'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train_model", null)]
    [InlineData("Train", "RML0106")]
    [InlineData("train-model", "RML0106")]
    public void Should_ApplyComponentNamingRules_When_AComponentIsNamed(string name, string? expectedId)
    {
        // Given a command component with that name
        var yaml = $"name: {name}\ncommand: echo\nenvironment: azureml:env:1";

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.CommandComponent);

        // Then only naming errors, if any, are reported
        SchemaCheck.AssertOnly(expectedId, diagnostics);
    }
}
