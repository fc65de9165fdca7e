using RepoML.Core.Pipelines;

namespace RepoML.Core.Tests.Pipelines;

public sealed class TypedInputTests
{
    private static YamlMapping Port(string yaml) => (YamlMapping)YamlReader.Read("c.yml", yaml).Root!;

    [Theory]
    [InlineData("{type: integer, min: 1}", "5", null)]
    [InlineData("{type: integer, min: 1}", "$(touch pwned)5", "is not an integer")]
    [InlineData("{type: integer, min: 1}", "0", "below the minimum 1")]
    [InlineData("{type: integer, max: 10}", "11", "above the maximum 10")]
    [InlineData("{type: number}", "0.05", null)]
    [InlineData("{type: number}", "NaN", "is not a number")]
    [InlineData("{type: boolean}", "True", null)]
    [InlineData("{type: boolean}", "yes; rm -rf /", "is not true or false")]
    [InlineData("{type: string, enum: [gbdt, linear]}", "gbdt", null)]
    [InlineData("{type: string, enum: [gbdt, linear]}", "dart", "is not one of gbdt, linear")]
    [InlineData("{type: string}", "anything `at` all", null)]
    public void Should_name_the_problem_When_a_value_breaks_the_declared_type(string port, string value, string? problem)
    {
        var found = TypedInput.Problem(Port(port), value);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
