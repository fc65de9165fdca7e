using BenchmarkDotNet.Attributes;
using RepoML.Workflows.Disk;
using RepoML.Core.Workspace;

namespace RepoML.Bench.Validate;

/// <summary>Loading and validating a workspace of 1,000 spec files (the bar: under 1 s warm).</summary>
[MemoryDiagnoser]
public class ValidateBenchmark
{
    private DiskWorkspaceFiles files = null!;

    [GlobalSetup]
    public void Setup() => files = new DiskWorkspaceFiles(GeneratedWorkspace.Create(1000));

    [Benchmark]
    public int LoadAndValidate1000Specs()
    {
        var workspace = WorkspaceLoader.Load(files);
        WorkspaceValidator.Validate(workspace, files);
        var errors = workspace.Files.SelectMany(f => f.Diagnostics).Count(d => d.IsError);
        return errors == 0 ? workspace.Specs.Count() : throw new InvalidOperationException($"generated workspace has {errors} errors");
    }
}
