using Xunit.Abstractions;

namespace RepoML.Core.Tests.Specs;

/// <summary>Every real Azure ML example RepoML supports must pass the schema without false unknown-field, type or enum errors.</summary>
public sealed class ExampleCorpusTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> SchemaShapeIds =
    [
        DiagnosticIds.UnknownField.Id,
        DiagnosticIds.WrongType.Id,
        DiagnosticIds.InvalidEnum.Id,
    ];

    /// <summary>Diagnostics on the real files that are right: the files break Azure ML's own schema. Key: "path:line:id".</summary>
    private static readonly Dictionary<string, string> KnownInvalid = new(StringComparer.Ordinal)
    {
    };

    [ExamplesFact]
    public void Should_ReportNoUnknownFieldTypeOrEnumErrors_When_ValidatingTheRealExamples()
    {
        // Given every example whose $schema names a supported kind
        var files = ExampleCorpus.SupportedFiles();
        Assert.NotEmpty(files);

        // When each is read and validated
        var unexpected = new List<string>();
        var clean = 0;
        var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, kind) in files)
        {
            var diagnostics = ExampleCorpus.Validate(path, ExampleCorpus.ReadText(path), kind);
            clean += diagnostics.Any(d => d.IsError) ? 0 : 1;
            foreach (var diagnostic in diagnostics)
            {
                byId[diagnostic.Id] = byId.GetValueOrDefault(diagnostic.Id) + 1;
                output.WriteLine($"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Severity} {diagnostic.Id}: " +
                    $"{diagnostic.Message}");
                if (SchemaShapeIds.Contains(diagnostic.Id) && !KnownInvalid.ContainsKey($"{path}:{diagnostic.Line}:{diagnostic.Id}"))
                {
                    unexpected.Add($"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Id}: {diagnostic.Message}");
                }
            }
        }

        output.WriteLine($"{clean} of {files.Count} supported example files validate with no errors");
        output.WriteLine("diagnostics by id: " + string.Join(", ", byId.Select(p => $"{p.Key}={p.Value}")));

        // Then none of them has a schema-shape error that Azure ML itself would not report
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }
}
