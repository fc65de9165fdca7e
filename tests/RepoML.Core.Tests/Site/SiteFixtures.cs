using RepoML.Core.Lineage;
using RepoML.Core.Profiles;
using RepoML.Core.Site;
using RepoML.Core.Tests.Registry;

namespace RepoML.Core.Tests.Site;

/// <summary>Registry histories for site tests: versions produced by runs with parameters and metrics, endpoints with traffic splits.</summary>
internal static class SiteFixtures
{
    public static RegistrationRecord FromRun(string name, string content, string runId, int trees, double auc, int minute = 0,
        string? description = null) =>
        FakeHistory.Record(name, content, minute) with
        {
            Description = description,
            Metrics = new Dictionary<string, double> { ["auc"] = auc, ["accuracy"] = 0.7 },
            Run = new RunLineage(runId, "pipelines/train.yml", "sha256:" + new string('a', 64), null, "c0ffee" + new string('0', 34), "main",
                "train", "model", new DateTimeOffset(2025, 1, 1, 0, minute, 0, TimeSpan.Zero),
                [new JobLineage("train", "completed", false, "azureml:env@latest", null, null,
                    new Dictionary<string, string> { ["trees"] = $"literal:{trees}", ["data"] = "sha256:" + new string('b', 64) },
                    new Dictionary<string, string> { ["model"] = "sha256:" + new string('c', 64) })],
                []),
        };

    /// <summary>credit:1 from run r1 (100 trees, auc 0.80), a blue deployment on latest, credit:2 from run r2 (200 trees, auc 0.85),
    /// and an endpoint whose split goes from blue 100 to blue 90 / green 10.</summary>
    public static FakeHistory Credit() => new FakeHistory()
        .Register("alice", FromRun("credit", "a", "r1", 100, 0.80))
        .Commit("alice", ("endpoints/credit/endpoint.yml", SampleSpecs.Endpoint(("blue", 100))),
            ("endpoints/credit/blue.yml", SampleSpecs.Deployment("blue", withCode: false)))
        .Register("bob", FromRun("credit", "b", "r2", 200, 0.85, 1))
        .Commit("carol", ("endpoints/credit/endpoint.yml", SampleSpecs.Endpoint(("blue", 90), ("green", 10))));

    public static SiteInput Input(FakeHistory history, IReadOnlyDictionary<string, DataProfile>? profiles = null)
    {
        var registry = history.Build();
        return new SiteInput("Test registry", registry, DeploymentTimeline.Build(history.Commits, history.Read, registry),
            TrafficHistory.Build(history.Commits, history.Read), profiles ?? new Dictionary<string, DataProfile>(), _ => null);
    }
}
