namespace RepoML.Core.Tests.Registry;

public sealed class RegistrationPlannerTests
{
    private static readonly RegistrySnapshot Registry = new FakeHistory()
        .Register("alice", FakeHistory.Record("credit", "a"))
        .Register("bob", FakeHistory.Record("credit", "b", 1))
        .Build();

    [Fact]
    public void Should_take_the_number_after_pending_registrations_When_a_branch_already_registered()
    {
        // Given
        var pending = new[] { FakeHistory.Record("credit", "p", 3) };

        // When
        var plan = RegistrationPlanner.Plan(Registry, pending, AssetKind.Model, "credit", FakeHistory.Record("credit", "new").Digest);

        // Then
        Assert.Equal((RegistrationOutcome.NewVersion, 4, 1), (plan.Outcome, plan.Version, plan.PendingBefore));
        Assert.Contains("would become credit:4", plan.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_be_idempotent_When_the_same_content_is_registered_again()
    {
        // When
        var plan = RegistrationPlanner.Plan(Registry, [], AssetKind.Model, "credit", FakeHistory.Record("credit", "a").Digest);

        // Then
        Assert.Equal((RegistrationOutcome.AlreadyRegistered, 1), (plan.Outcome, plan.Version));
    }

    [Fact]
    public void Should_refuse_When_different_content_claims_an_existing_version()
    {
        // When
        var error = Assert.Throws<RegistryException>(() => RegistrationPlanner.Plan(Registry, [], AssetKind.Model, "credit",
            FakeHistory.Record("credit", "x").Digest, requestedVersion: 2));

        // Then
        Assert.Equal(RegistryErrors.VersionConflict, error.Id);
        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task=binary", "task", "binary")]
    [InlineData("stage", "stage", null)]
    [InlineData("url=a=b", "url", "a=b")]
    public void Should_parse_azure_ml_tag_filters_When_written_without_spaces(string text, string name, string? value)
    {
        // When
        var filter = TagFilter.Parse(text);

        // Then
        Assert.Equal(new TagFilter(name, value), filter);
    }

    [Theory]
    [InlineData("task = binary")]
    [InlineData("=x")]
    [InlineData("")]
    public void Should_reject_a_tag_filter_When_it_has_spaces_or_no_name(string text)
    {
        // When / Then
        Assert.Equal(RegistryErrors.BadTagFilter, Assert.Throws<RegistryException>(() => TagFilter.Parse(text)).Id);
    }

    [Fact]
    public void Should_match_every_filter_When_tags_are_compared()
    {
        // Given
        var tags = new Dictionary<string, string> { ["task"] = "binary", ["stage"] = "prod" };

        // Then
        Assert.True(TagFilter.MatchesAll([TagFilter.Parse("task=binary"), TagFilter.Parse("stage")], tags));
        Assert.False(TagFilter.MatchesAll([TagFilter.Parse("task=Binary")], tags));
    }
}
