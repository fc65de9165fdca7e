using RepoML.Core.Rollout;

namespace RepoML.Cli.Tests.Rollout;

public sealed class SampleRolloutPlanTests
{
    private const string HeldOut = "${{candidate.jobs.split.outputs.test}}/test.csv";

    [Theory]
    [InlineData("endpoints/credit/rollout.yml")]
    [InlineData("templates/RepoML.Templates/content/repoml/endpoints/repomlmodel/rollout.yml")]
    public void Should_gate_on_the_candidate_runs_held_out_split_When_the_sample_plan_compares(string planPath)
    {
        // Given the sample workspace's and the template's rollout plan
        var root = RepositoryRoot.Path;
        var (plan, planDiagnostics) = RolloutPlanReader.Read(planPath, File.ReadAllText(Path.Combine(root, planPath)));
        Assert.Empty(planDiagnostics);

        // When the rows its comparison gate scores are looked up: the plan's data, else its policy's (the template's policy is
        // templated text, so its data line is read as text)
        var workspace = planPath[..planPath.IndexOf("endpoints/", StringComparison.Ordinal)];
        var policy = File.ReadAllLines(Path.Combine(root, workspace + plan!.Compare!.Policy));
        var data = plan.Compare.Data ?? policy.Single(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..].Trim();

        // Then they are the held-out split of the candidate's run, never the training rows
        Assert.Equal(HeldOut, data);
    }
}
