using System.Text.RegularExpressions;
using RepoML.Core.Yaml;
using RepoML.Tests.Shared.AzureMl;
using Xunit.Abstractions;

namespace RepoML.Cli.Tests.AzureMl;

/// <summary>
/// Every job file of Azure ML's own examples, submitted with <c>--dry-run</c>: its requests conform to the REST spec, or
/// RepoML says clearly (file:line:col) what it cannot send. The corpus keeps only YAML, so the code folders and data
/// files the jobs upload are filled in with placeholder files first.
/// </summary>
public sealed partial class AzureMlExamplesDryRunTests(ITestOutputHelper output)
{
    private static readonly SwaggerValidator Validator = new(SwaggerSpec.Load("2024-10-01"));

    [AzureMlExamplesFact]
    public async Task Should_send_conforming_requests_or_say_what_it_cannot_send_When_dry_running_the_azure_ml_examples()
    {
        // Given: a copy of the corpus as one repository.
        using var copy = new TempFolder();
        Directory.CreateDirectory(copy["cli/.git"]);
        foreach (var file in Directory.EnumerateFiles(AzureMlExamples.Root!, "*", SearchOption.AllDirectories))
        {
            copy.Write(Path.Combine("cli", Path.GetRelativePath(AzureMlExamples.Root!, file)), File.ReadAllBytes(file));
        }

        var jobs = Directory.EnumerateFiles(copy["cli/jobs"], "*.yml", SearchOption.AllDirectories).Where(IsJob).Order(StringComparer.Ordinal).ToList();
        var conforming = 0;
        var refusals = new List<string>();
        foreach (var job in jobs)
        {
            // When
            var run = await DryRunAsync(job);

            // Then
            var name = Path.GetRelativePath(copy["cli"], job);
            Assert.True(run.ExitCode is 0 or 1, $"{name}: exit {run.ExitCode}: {run.Error}");
            if (run.ExitCode == 1)
            {
                Assert.Matches(@"^error: /.+\.ya?ml:\d+:\d+: .*(cannot be (submitted|sent) by RepoML|is not sent by RepoML|RepoML submits pipelines of command steps|does not exist)", run.Error);
                refusals.Add($"{name}: {run.Error.Trim()[(run.Error.IndexOf(": ", 7, StringComparison.Ordinal) + 2)..]}");
                continue;
            }

            var problems = JsonNode.Parse(run.Output)!["requests"]!.AsArray()
                .Select(r => SpecRequestCheck.Check(Validator, r!["method"]!.GetValue<string>(), r["path"]!.GetValue<string>(), r["body"]?.ToJsonString()))
                .OfType<(string Code, string Message, IReadOnlyList<SpecViolation> Details)>()
                .Select(p => $"{p.Message} {string.Join("; ", p.Details)}");
            Assert.True(!problems.Any(), $"{name}: {string.Join("\n", problems)}");
            conforming++;
        }

        output.WriteLine($"{jobs.Count} job files: {conforming} conform, {refusals.Count} refused with a reason");
        refusals.ForEach(output.WriteLine);
        Assert.True(conforming >= 25, $"only {conforming} of {jobs.Count} example jobs could be sent");
    }

    /// <summary>
    /// A dry run; a local path the corpus left out (code, data) is created, a file when its name has an extension, and the
    /// run tried again. Missing YAML files (components) are not made up: the run says they do not exist.
    /// </summary>
    private static async Task<CliRun> DryRunAsync(string job)
    {
        for (var attempt = 0; ; attempt++)
        {
            var run = await SampleRepository.RunAsync(Path.GetDirectoryName(job)!, SampleRepository.Environment(), "run", job, "--target", "azureml", "--dry-run", "-o", "json");
            if (attempt == 10 || Missing().Match(run.Error) is not { Success: true } missing || missing.Groups[1].Value.EndsWith(".yml", StringComparison.Ordinal)
                || missing.Groups[1].Value.EndsWith(".yaml", StringComparison.Ordinal))
            {
                return run;
            }

            var path = Path.Combine(Path.GetDirectoryName(job)![..(Path.GetDirectoryName(job)!.IndexOf("/cli/", StringComparison.Ordinal) + 5)], missing.Groups[1].Value);
            if (Path.HasExtension(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "placeholder\n");
            }
            else
            {
                Directory.CreateDirectory(path);
                File.WriteAllText(Path.Combine(path, "placeholder.txt"), "placeholder\n");
            }
        }
    }

    private static bool IsJob(string file) => YamlReader.Read(file, File.ReadAllText(file)).Root is YamlMapping map
        && (map.GetString("$schema")?.Contains("Job.schema", StringComparison.OrdinalIgnoreCase)
            ?? (map.GetString("type") is "pipeline" or "sweep" or "command" && map["jobs"] is not null | map["trial"] is not null | map["command"] is not null));

    [GeneratedRegex(@"does not exist \(([^)]+)\)")]
    private static partial Regex Missing();
}
