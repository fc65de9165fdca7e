using RepoML.Workflows.Monitoring;
using RepoML.Workflows.Tests.Site;

namespace RepoML.Workflows.Tests.Profiles;

public sealed class BaselineProfileTests
{
    private const string Monitor = "endpoint: credit\nbaseline:\n  data: azureml:people:{0}\n";

    [Theory]
    [InlineData("1", 3)]
    [InlineData("2", 4)]
    public async Task Should_use_the_profile_recorded_with_the_version_When_the_baseline_names_a_registered_data_version(string version, int rows)
    {
        // Given two data versions with their profiles, and no CSV on disk at all
        using var repo = new TempRepo();
        SiteRepository.Data(repo, "people", "age,city\n30,Oslo\n40,Oslo\n50,Rome\n");
        SiteRepository.Data(repo, "people", "age,city\n60,Rome\n70,Rome\n80,Rome\n90,Oslo\n");
        repo.Commit("dana", "Monitor credit", ("endpoints/credit/monitor.yml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Monitor, version)));

        // When
        var report = await MonitorWorkflow.RunAsync(WorkflowContexts.In(repo.Root), new MonitorRequest("endpoints/credit", "2025-01-01T00:00:00Z",
            "2025-01-02T00:00:00Z", null, null, null, false), CancellationToken.None);

        // Then the baseline is that version's profile, not a file read
        Assert.Equal($"azureml:people:{version} (recorded profile)", report.BaselineName);
        Assert.Equal(rows, report.BaselineRows);
    }
}
