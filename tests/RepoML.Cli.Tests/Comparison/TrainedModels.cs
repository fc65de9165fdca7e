using RepoML.Core.Runs;
using RepoML.Storage;
using RepoML.Workflows.Pipelines;

namespace RepoML.Cli.Tests.Comparison;

/// <summary>
/// Two small credit models trained once with <c>repoml train</c> on an 80 % split of data/credit/credit.csv, and the
/// 20 % test split, shared by the compare tests (training is the slow part).
/// </summary>
public sealed class TrainedModels : IDisposable
{
    public TrainedModels()
    {
        var credit = Path.Combine(RepositoryRoot.Path, "data", "credit", "credit.csv");
        Run("data", "split", "--data", credit, "--train-out", "split/train/train.csv", "--test-out", "split/test/test.csv", "--test-fraction",
            "0.2", "--seed", "42");
        Run("train", "--data", "split/train/train.csv", "--label", "class", "--task", "binary", "--trainer", "fasttree", "--param",
            "number_of_trees=30", "--seed", "42", "--out", "models/baseline");
        Run("train", "--data", "split/train/train.csv", "--label", "class", "--task", "binary", "--trainer", "fasttree", "--param",
            "number_of_trees=8", "--seed", "42", "--out", "models/candidate");
    }

    private readonly TempFolder folder = new("compare-models");

    public string Folder => folder.Path;

    public string Baseline => Path.Combine(Folder, "models", "baseline");

    public string Candidate => Path.Combine(Folder, "models", "candidate");

    public string TestCsv => Path.Combine(Folder, "split", "test", "test.csv");

    public string TestFolder => Path.Combine(Folder, "split", "test");

    /// <summary>A workspace with the sample's model YAML and comparison policy.</summary>
    internal static TempWorkspace SampleWorkspace()
    {
        var root = RepositoryRoot.Path;
        return new TempWorkspace()
            .Write("models/credit.yml", File.ReadAllText(Path.Combine(root, "models", "credit.yml")))
            .Write("models/credit.compare.yml", File.ReadAllText(Path.Combine(root, "models", "credit.compare.yml")));
    }

    /// <summary>
    /// Records in <paramref name="workspace"/> the completed run 20250101-000000-abcdef of pipelines/train.yml: its split job stored the
    /// test split and its train job the candidate, both in the workspace's artifact store; the train job names the split as its
    /// training_data when <paramref name="recordTrainingData"/>.
    /// </summary>
    internal async Task SaveCandidateRunAsync(TempWorkspace workspace, GitState git, bool recordTrainingData)
    {
        var store = ArtifactStoreFactory.Create(null, workspace.Root);
        var model = (await store.PutFolderAsync(Candidate)).ToString();
        var test = (await store.PutFolderAsync(TestFolder)).ToString();
        var now = DateTimeOffset.UnixEpoch;
        JobRecord Job(string name, string output, string digest, Dictionary<string, string> inputs) => new(name, JobRecord.Completed, false, "",
            0, 0, "", null, null, null, null, inputs, new Dictionary<string, string> { [output] = digest }, new Dictionary<string, double>(), []);
        new RunsFolder(workspace.Root).Save(new RunRecord("20250101-000000-abcdef", "pipelines/train.yml", "", RunRecord.Completed, git,
            new HostInfo("", "", "", "", ""), now, now, new Dictionary<string, string>(),
            [Job("split", "test", test, []), Job("train", "model", model, recordTrainingData ? new() { ["training_data"] = test } : [])]));
    }

    public void Dispose() => folder.Dispose();

    private void Run(params string[] args)
    {
        var run = CliRunner.RunAsync(Folder, args).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"repoml {string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}");
        }
    }
}
