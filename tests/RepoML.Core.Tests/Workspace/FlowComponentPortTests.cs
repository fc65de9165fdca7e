using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Workspace;

/// <summary>
/// A prompt flow used as a pipeline component (Azure ML's pipeline_job_with_flow_as_component) takes ports Azure ML adds to
/// the flow's own inputs; a command component's declared inputs stay the whole list.
/// </summary>
public sealed class FlowComponentPortTests
{
    private const string Pipeline = """
        $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
        type: pipeline
        jobs:
          flow_node:
            type: parallel
            component: ./basic/COMPONENT
            inputs:
              data: ./data.jsonl
              text: "${data.text}"
        """;

    [Theory]
    [InlineData("flow.dag.yaml", "$schema: https://azuremlschemas.azureedge.net/promptflow/latest/Flow.schema.json\ninputs:\n  text:\n    type: string\n", 0)]
    [InlineData("run.yml", "$schema: https://azuremlschemas.azureedge.net/promptflow/latest/Run.schema.json\nflow: .\n", 0)]
    [InlineData("component.yml", "$schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json\nname: c\n" +
        "command: echo ${{inputs.text}}\nenvironment: azureml:env:1\ninputs:\n  text:\n    type: string\n", 1)]
    public void Should_check_node_inputs_only_against_real_component_ports_When_the_component_is_a_file(string name, string component,
        int unknownInputs)
    {
        // Given a pipeline whose node passes data and text to that component file
        var files = new InMemoryWorkspaceFiles()
            .With("pipelines/flow.yml", Pipeline.Replace("COMPONENT", name, StringComparison.Ordinal))
            .With("pipelines/basic/" + name, component)
            .With("pipelines/data.jsonl", "{}\n");

        // When the workspace is validated
        var unresolved = Validation.Run(files).Where(d => d.Id == DiagnosticIds.UnresolvedBinding.Id).ToList();

        // Then only a command component's missing 'data' input is reported
        Assert.Equal(unknownInputs, unresolved.Count);
        Assert.All(unresolved, d => Assert.Contains("has no input 'data'", d.Message, StringComparison.Ordinal));
    }
}
