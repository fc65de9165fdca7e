using RepoML.Core.Monitoring;

namespace RepoML.Core.Tests.Rollout;

/// <summary>Refused bodies count against a candidate only in excess of the stable deployment's refusals.</summary>
public sealed class RejectedBodiesTests
{
    private static DeploymentCounters Counters(string deployment, int ok, int rejected, int unauthorized = 0, int faults = 0) =>
        DeploymentCounters.From(PrometheusText.Parse($$"""
            repoml_requests_total{deployment="{{deployment}}",protocol="score",status="200"} {{ok}}
            repoml_requests_total{deployment="{{deployment}}",protocol="score",status="400"} {{rejected}}
            repoml_requests_total{deployment="{{deployment}}",protocol="score",status="401"} {{unauthorized}}
            repoml_requests_total{deployment="{{deployment}}",protocol="score",status="500"} {{faults}}
            """), deployment);

    [Fact]
    public void Should_charge_the_candidate_When_it_refuses_what_the_stable_deployment_takes()
    {
        var candidate = Counters("blue", ok: 0, rejected: 30).ChargeExcessRejections(Counters("green", ok: 270, rejected: 0));

        Assert.Equal(30, candidate.Errors);
        Assert.Equal(1.0, candidate.ErrorRate);
    }

    [Fact]
    public void Should_charge_nothing_When_a_client_sends_bad_bodies_to_both_deployments_alike()
    {
        // 20 % bad bodies on both sides of the split, plus unauthenticated noise that never counts
        var candidate = Counters("blue", ok: 80, rejected: 20, unauthorized: 50).ChargeExcessRejections(Counters("green", ok: 800, rejected: 200));

        Assert.Equal(0, candidate.Errors);
        Assert.Equal(20, candidate.RejectedBodies);
    }

    [Fact]
    public void Should_keep_server_faults_and_only_the_excess_When_both_happen()
    {
        var candidate = Counters("blue", ok: 50, rejected: 40, faults: 10).ChargeExcessRejections(Counters("green", ok: 900, rejected: 100));

        Assert.Equal(10 + (40 - (100 * 0.1)), candidate.Errors, 9);
    }

    [Fact]
    public void Should_round_trip_rejections_through_the_commit_trailer_and_read_older_trailers_as_none()
    {
        var counters = Counters("blue", ok: 5, rejected: 3);

        Assert.Equal(3, DeploymentCounters.Decode("blue", counters.Encode())!.RejectedBodies);
        Assert.Equal(0, DeploymentCounters.Decode("blue", "requests=8 errors=0 buckets=")!.RejectedBodies);
        Assert.Same(counters, counters.ChargeExcessRejections(null));
    }
}
