using RepoML.Core.Registry;
using RepoML.Core.Profiles;
using RepoML.Core.Monitoring;

namespace RepoML.Workflows.Tests.Site;

/// <summary>
/// A real Git repository with a registry worth a site: credit:1–3 from three runs (trees 100, 200, 50), a blue deployment on
/// credit@latest whose endpoint split changes, a model whose name and description carry markup, and two data versions with
/// their profiles committed as registration commits them.
/// </summary>
internal static class SiteRepository
{
    public const string Hostile = "<script>document.title='pwned'</script>";

    public const string OddName = "risk <b>&'v'";

    public static TempRepo Create()
    {
        var repo = new TempRepo();
        Model(repo, "alice", "credit", "a", "r1", 100, 0.80);
        repo.Commit("alice", "Deploy credit", ("endpoints/credit/endpoint.yml", SampleSpecs.Endpoint(("blue", 100))),
            ("endpoints/credit/blue.yml", SampleSpecs.Deployment("blue", withCode: false)));
        Model(repo, "bob", "credit", "b", "r2", 200, 0.85);
        Model(repo, "carol", "credit", "c", "r3", 50, 0.78);
        repo.Commit("carol", "Shift 10 % to green", ("endpoints/credit/endpoint.yml", SampleSpecs.Endpoint(("blue", 90), ("green", 10))));
        Model(repo, "mallory", OddName, "x", "r<4>", 1, 0.5, Hostile);
        Data(repo, "people", "age,city\n30,Oslo\n40,Oslo\n50,Rome\n");
        Data(repo, "people", "age,city\n60,Rome\n70,Rome\n80,Rome\n90,Oslo\n");
        return repo;
    }

    public const string Image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04";

    /// <summary>
    /// <see cref="Create"/> plus an environment version (image and conda file) that churn:1 was trained in, a promotion
    /// step on the credit endpoint with its reason, and a drift monitor's history file in the working tree.
    /// </summary>
    public static TempRepo CreateWithActivity()
    {
        var repo = Create();
        var environment = repo.Record("train-env", "env-content", AssetKind.Environment) with { Spec = "environments/train.yml" };
        repo.Commit("erin", "Register environment train-env",
            ("environments/train.yml", $"name: train-env\nimage: {Image}\nconda_file: conda.yml\n"),
            ("environments/conda.yml", "name: train\ndependencies:\n  - python=3.11\n  - scikit-learn=1.5\n"),
            (RegistryPath.Version(AssetKind.Environment, "train-env", environment.Key).Path, RegistrationRecordJson.Serialize(environment)));
        var churn = repo.Record("churn", "churn-model") with
        {
            Run = new RunLineage("r9", "pipelines/churn.yml", "sha256:" + new string('a', 64), null, null, "main", "train", "model",
                new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero),
                [new JobLineage("train", "completed", false, "azureml:train-env@latest", environment.Digest, null, new Dictionary<string, string>(),
                    new Dictionary<string, string>())], []),
        };
        repo.Commit("erin", "Register model churn", (RegistryPath.Version(AssetKind.Model, "churn", churn.Key).Path, RegistrationRecordJson.Serialize(churn)));
        repo.Commit("carol", "Promote credit:3 on credit: blue 50 %, green 50 %\n\nWhy: error rate 0.1 % within the plan's 1 %.\n" +
            "Plan: endpoints/credit/rollout.yml, step 2 of 3.\n\nRequested-by: carol\nRepoML-Promotion: promote credit:3 step 2/3\n",
            ("endpoints/credit/endpoint.yml", SampleSpecs.Endpoint(("blue", 50), ("green", 50))));
        var monitor = Path.Combine(repo.Root, ".repoml", "monitor", "credit", "drift");
        Directory.CreateDirectory(monitor);
        // Three daily windows as repoml monitor keeps them: the last one drifted and raised an alert.
        DateTimeOffset Day(int day) => new(2025, 3, day, 0, 0, 0, TimeSpan.Zero);
        File.WriteAllText(Path.Combine(monitor, "history.json"), DriftHistory.Write([
            new DriftWindow(Day(1).AddDays(-1), Day(1), 0.1, [], Drifted: false),
            new DriftWindow(Day(2).AddDays(-1), Day(2), 0.25, [], Drifted: false),
            new DriftWindow(Day(3).AddDays(-1), Day(3), 0.6, [new DriftPoint("income", "psi", 0.4, 0.2, true)], Drifted: true, Alerts: 1)]));
        return repo;
    }

    public static void Data(TempRepo repo, string name, string csv)
    {
        var record = repo.Record(name, csv, AssetKind.Data);
        repo.Commit("dana", $"Register data {name}", (RegistryPath.Version(AssetKind.Data, name, record.Key).Path, RegistrationRecordJson.Serialize(record)),
            (ProfilePath.For(name, record.Key), ProfileJson.Serialize(DataProfiler.Profile(csv, "people.csv"))));
    }

    private static void Model(TempRepo repo, string author, string name, string content, string runId, int trees, double auc, string? description = null)
    {
        var record = repo.Record(name, content) with
        {
            Description = description,
            Metrics = new Dictionary<string, double> { ["auc"] = auc },
            Run = new RunLineage(runId, "pipelines/train.yml", "sha256:" + new string('a', 64), null, null, "main", "train", "model",
                new DateTimeOffset(2025, 1, 1, trees % 24, 0, 0, TimeSpan.Zero),
                [new JobLineage("train", "completed", false, "azureml:env@latest", null, null,
                    new Dictionary<string, string> { ["trees"] = $"literal:{trees}" }, new Dictionary<string, string>())],
                []),
        };
        repo.Commit(author, $"Register model {name}\n\nTrained with {trees} trees.",
            // Unchecked: a name with markup can only reach history by a hand-made commit, which the site must still escape.
            (new RegistryPath(AssetKind.Model, name, RegistryFileType.Version, record.Key).Path, RegistrationRecordJson.Serialize(record)));
    }
}
