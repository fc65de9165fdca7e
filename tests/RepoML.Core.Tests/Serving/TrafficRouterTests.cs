using RepoML.Core.Serving;

namespace RepoML.Core.Tests.Serving;

public sealed class TrafficRouterTests
{
    [Fact]
    public void Should_split_90_10_exactly_over_every_100_requests()
    {
        var router = new TrafficRouter(new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 });

        var picks = Enumerable.Range(0, 2000).Select(_ => router.Next()).ToList();

        Assert.Equal(1800, picks.Count(p => p == "blue"));
        Assert.All(picks.Chunk(100), window => Assert.Equal(10, window.Count(p => p == "green")));
    }

    [Fact]
    public void Should_route_nothing_When_no_deployment_has_traffic()
    {
        Assert.Null(new TrafficRouter(new Dictionary<string, int> { ["blue"] = 0 }).Next());
    }

    [Fact]
    public void Should_mirror_exactly_the_percentage_evenly()
    {
        var sampler = new MirrorSampler("green", 10);

        var mirrored = Enumerable.Range(0, 1000).Select(_ => sampler.ShouldMirror()).ToList();

        Assert.Equal(100, mirrored.Count(m => m));
        Assert.All(mirrored.Chunk(10), window => Assert.Single(window, m => m));
    }

    [Theory]
    [InlineData(RollingRate.Hour, "credit/blue/model_inputs/2026/03/07/14")]
    [InlineData(RollingRate.Day, "credit/blue/model_inputs/2026/03/07")]
    [InlineData(RollingRate.Minute, "credit/blue/model_inputs/2026/03/07/14/05")]
    public void Should_roll_collected_data_folders_at_the_rolling_rate(RollingRate rate, string expected)
    {
        var time = new DateTimeOffset(2026, 3, 7, 15, 5, 9, TimeSpan.FromHours(1));

        Assert.Equal(expected, CollectionPaths.Folder("credit", "blue", "model_inputs", time, rate));
    }
}
