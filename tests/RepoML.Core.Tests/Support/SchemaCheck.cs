namespace RepoML.Core.Tests.Support;

/// <summary>Parses a small spec document and checks it against one kind's schema, as the spec tests all do.</summary>
internal static class SchemaCheck
{
    /// <summary>The sampling, search space and objective of a sweep Azure ML accepts: one uniform parameter, <c>lr</c>.</summary>
    public const string SweepSettings = """
        sampling_algorithm: random
        search_space:
          lr:
            type: uniform
            min_value: 0.01
            max_value: 0.1
        objective:
          goal: maximize
          primary_metric: accuracy
        """;

    /// <summary>The document must parse cleanly; what the schema reports is returned.</summary>
    public static List<Diagnostic> Validate(string yaml, SpecKind kind)
    {
        var parsed = YamlReader.Read("spec.yml", yaml);
        Assert.Empty(parsed.Diagnostics);
        var diagnostics = new List<Diagnostic>();
        SchemaValidator.Validate(parsed.Root!, SpecKindCatalog.SchemaOf(kind), diagnostics);
        return diagnostics;
    }

    /// <summary>Only the expected id is reported, or nothing where none is expected.</summary>
    public static void AssertOnly(string? expectedId, IEnumerable<Diagnostic> diagnostics) =>
        Assert.Equal(expectedId is null ? [] : [expectedId], diagnostics.Select(d => d.Id));

    /// <summary>
    /// A pipeline's sweep node <c>tune</c> as it stands under <c>jobs:</c>: a trial file, <paramref name="settings"/> and a field
    /// Azure ML passes through (<c>experimental_setting</c>).
    /// </summary>
    public static string SweepNode(string settings = SweepSettings) =>
        "  tune:\n    type: sweep\n    trial: ./train.yml\n"
        + string.Join('\n', settings.Split('\n').Select(line => "    " + line))
        + "\n    experimental_setting: 1\n";
}
