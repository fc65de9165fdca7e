using System.Text.RegularExpressions;

namespace RepoML.Core.Tests.Specs;

/// <summary>The real Azure ML example files in <c>shared/azureml-examples/cli</c> next to the repository, when present.</summary>
internal static partial class ExampleCorpus
{
    public const string MissingMessage = "shared/azureml-examples was not found above the test's base directory; the real-file tests need it";

    private static readonly Lazy<string?> LazyRoot = new(() => AzureMlExamples.Root);

    /// <summary>The <c>cli</c> folder of the examples, or null when no parent folder has <c>shared/azureml-examples</c>.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>Every example YAML file whose <c>$schema</c> names a kind RepoML reads, by path relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<(string Path, SpecKind Kind)> SupportedFiles()
    {
        if (Root is null)
        {
            return [];
        }

        return Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Path: Relative(f), Kind: KindOf(File.ReadAllText(f))))
            .Where(f => f.Kind is not null)
            .Select(f => (f.Path, f.Kind!.Value))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root!, relativePath));

    /// <summary>Parses and validates <paramref name="text"/> as <paramref name="kind"/>: parser diagnostics, then schema ones.</summary>
    public static List<Diagnostic> Validate(string file, string text, SpecKind kind)
    {
        var parsed = YamlReader.Read(file, text);
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        if (parsed.Root is not null)
        {
            SchemaValidator.Validate(parsed.Root, SpecKindCatalog.SchemaOf(kind), diagnostics);
        }

        return diagnostics;
    }

    // Read from the text rather than the parsed tree, so that files the YAML reader refuses still count (and fail visibly).
    private static SpecKind? KindOf(string text)
    {
        var match = SchemaLine().Match(text);
        return match.Success ? SpecKindCatalog.FromSchemaUrl(match.Groups[1].Value.Trim('"', '\'')) : null;
    }

    [GeneratedRegex(@"^\$schema:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex SchemaLine();

    private static string Relative(string path) => Path.GetRelativePath(Root!, path).Replace('\\', '/');
}
