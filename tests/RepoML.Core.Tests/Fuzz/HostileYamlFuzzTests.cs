using CsCheck;
using RepoML.Core.Pipelines;
using RepoML.Core.Tests.Support;
using Xunit.Abstractions;

namespace RepoML.Core.Tests.Fuzz;

/// <summary>
/// Generated hostile YAML through the whole workspace validator (load, schema, references, naming), and hostile override
/// values through typed input checking: the answer is diagnostics or a verdict, never an exception. Bounded in time;
/// the counts go to the test output (and README's security model table).
/// </summary>
public sealed class HostileYamlFuzzTests(ITestOutputHelper output)
{
    private const int Seconds = 3;

    // Lines a hostile or careless author could write: real spec keys next to anchors and aliases, merge keys, tabs,
    // template placeholders, tags, directives, unbalanced flow collections and quotes, traversal and bidi names, BOMs.
    private static readonly string[] Fragments =
    [
        "$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json", "$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json",
        "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json", "type: pipeline", "type: command", "jobs:", "a:",
        "inputs:", "outputs:", "command: echo ${{inputs.x}} > ${{outputs.y}}/z", "component: ../components/c.yml", "environment: azureml:shell@latest",
        "name: ../../escaped", "name: cr\u0435dit", "name: credit\u202E", "path: ../../../../etc/passwd", "path: /etc/shadow", "version: -1",
        "model: azureml:credit:999999999999999999999", "type: integer", "min: 1", "max: 1e309", "default: $(touch pwned)", "enum: [a, *b, c]",
        "x: &a [1, 2, 3]", "y: [*a, *a, *a, *a]", "<<: *a", "<<: [*a, *zz]", "z: *undefined", "\tkey: value", "  \t- item", "key:\tvalue",
        "{{VAR}}: {{VALUE}}", "k: ${{parent.inputs.nope}}", "k: ${{parent.jobs.a.outputs.", "!!binary AAAA", "!custom {a: 1}", "%YAML 1.1", "%TAG ! tag:x,",
        "---", "...", "? [complex, key]", ": value", "- - - - -", "[[[[[[[[[[", "]]]]", "{a: {b: {c: {d:", "'unterminated", "\"\\u0000\\uD800\"",
        "key: |", "  literal\tline", "key: >-", "# comment", "\ufeffname: bom", "a: b: c", "- a\n  b: c", "key: 0x7FFFFFFFFFFFFFFF", "key: .nan", "null: ~",
        "\u0085", "\u2028", "\r", "dup: 1", "dup: 2", "data_collector:", "  collections:", "traffic: {blue: 150, green: -50}",
    ];

    [Fact]
    public void Should_answer_hostile_yaml_with_diagnostics_and_never_throw_When_documents_are_generated()
    {
        // Given documents stitched from hostile lines at random indents, and random text over YAML's own alphabet
        var line = Gen.OneOf(
            Gen.Int[0, 6].Select(Gen.Int[0, Fragments.Length - 1], (indent, i) => new string(' ', indent * 2) + Fragments[i]),
            Gen.String[Gen.Char["ab:-_ \t[]{},&*!|>'\"#%@`?$.\\/\u202E\u0000\u00ff"], 0, 40]);
        var documents = Gen.OneOf(
            line.Array[1, 30].Select(lines => string.Join('\n', lines)),
            Gen.Int[1, 400].Select(depth => new string('[', depth) + new string(']', depth % 3 == 0 ? depth : 0)),
            Gen.Int[1, 200].Select(depth => string.Concat(Enumerable.Range(0, depth).Select(d => new string(' ', d) + "k:\n")) + "v"));
        var folders = new[] { "pipelines/p.yml", "models/m.yml", "endpoints/e/d.yml", "components/c.yml" };
        var (tried, diagnosed) = (0, 0);

        // When each goes through the validator (with a sibling spec it may reference), Then only diagnostics come back
        documents.Select(Gen.Int[0, folders.Length - 1]).Sample((text, folder) =>
        {
            var files = new InMemoryWorkspaceFiles().With(folders[folder], text).With("environments/shell.yml",
                "$schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json\nname: shell\nimage: debian\n");
            var diagnostics = Validation.Run(files);
            Interlocked.Increment(ref tried);
            if (diagnostics.Count > 0)
            {
                Interlocked.Increment(ref diagnosed);
            }
        }, time: Seconds);

        output.WriteLine($"hostile YAML: {tried} documents tried, {diagnosed} answered with diagnostics, 0 crashes");
        Assert.True(tried > 100, $"only {tried} documents in {Seconds} s");
    }

    [Fact]
    public void Should_accept_only_values_of_the_declared_type_When_override_values_are_generated()
    {
        // Given an integer input with bounds, and hostile override values (shell code, numbers in odd forms, bidi text)
        var port = (YamlMapping)YamlReader.Read("c.yml", "type: integer\nmin: 1\nmax: 1000\n").Root!;
        var hostile = Gen.String[Gen.Char["0123456789-+.eE $();`|&<>'\"\\\n\t\u202E\u0660"], 0, 24];
        var values = Gen.OneOf(hostile, Gen.Int[-5, 2000].Select(i => i.ToString(CultureInfo.InvariantCulture)), Gen.String);
        var (tried, accepted) = (0, 0);

        // When each is checked, Then a value passes only when it is a plain integer within the bounds
        values.Sample(value =>
        {
            Interlocked.Increment(ref tried);
            if (TypedInput.Problem(port, value) is null)
            {
                Interlocked.Increment(ref accepted);
                Assert.Matches("^[+-]?[0-9]+$", value);
                Assert.InRange(long.Parse(value, CultureInfo.InvariantCulture), 1, 1000);
            }
        }, time: 1);

        output.WriteLine($"hostile override values (integer input): {tried} tried, {accepted} accepted, 0 shell or out-of-range values accepted");
        Assert.True(tried > 1000);
    }
}
