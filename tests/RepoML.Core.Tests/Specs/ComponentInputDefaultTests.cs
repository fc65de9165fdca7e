using RepoML.Core.Tests.Support;

namespace RepoML.Core.Tests.Specs;

/// <summary>
/// A component's literal inputs: Azure ML parses <c>default</c>, <c>min</c> and <c>max</c> with the input's type
/// (<c>int(float(v))</c>, <c>float(v)</c>, true/false), so a value that does not parse is refused where it is written.
/// </summary>
public sealed class ComponentInputDefaultTests
{
    [Theory]
    [InlineData("integer", "default: 10", null)]
    [InlineData("integer", "default: \"10\"", null)]
    [InlineData("integer", "default: 2.5", null)]
    [InlineData("integer", "default: ${{parent.inputs.epochs}}", null)]
    [InlineData("integer", "default: ten", "RML0103")]
    [InlineData("integer", "min: 1\n    max: 100", null)]
    [InlineData("integer", "max: lots", "RML0103")]
    [InlineData("number", "default: 0.01", null)]
    [InlineData("number", "default: '1e-3'", null)]
    [InlineData("number", "default: fast", "RML0103")]
    [InlineData("number", "default: [0.1]", "RML0103")]
    [InlineData("boolean", "default: false", null)]
    [InlineData("boolean", "default: True", null)]
    [InlineData("boolean", "default: 'true'", null)]
    [InlineData("boolean", "default: maybe", "RML0103")]
    [InlineData("string", "default: 42", null)]
    [InlineData("string", "default: time-based", null)]
    public void Should_ParseTheDefaultWithTheInputsType_When_AComponentDeclaresALiteralInput(string type, string setting, string? expectedId)
    {
        // Given a command component with one literal input of that type and setting
        var yaml = $"name: train\ncommand: python train.py\nenvironment: azureml:env:1\ninputs:\n  x:\n    type: {type}\n    {setting}\n";

        // When it is validated
        var diagnostics = SchemaCheck.Validate(yaml, SpecKind.CommandComponent);

        // Then only the expected error, if any, is reported, on the setting's line
        SchemaCheck.AssertOnly(expectedId, diagnostics);
        if (expectedId is not null)
        {
            Assert.Equal(7, diagnostics[0].Line);
        }
    }
}
