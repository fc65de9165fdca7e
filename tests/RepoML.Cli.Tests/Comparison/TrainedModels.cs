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
