namespace RepoML.Containers.Tests;

/// <summary>The tools' configuration file RepoML writes under <c>.repoml/containers/</c>: never written through a planted link.</summary>
public sealed class ContainersConfigurationTests
{
    [Fact]
    public void Should_replace_the_link_and_leave_its_target_alone_When_a_link_was_planted_at_the_configuration_path()
    {
        // Given a file outside the state folder, and a link to it where the configuration goes (as a committed symlink would be)
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONTAINERS_CONF")), "CONTAINERS_CONF is set: nothing is written");
        using var folder = new TempFolder("containers-conf");
        var outside = folder.Write("home/.bashrc", "alias ls='ls --color'\n");
        var state = Path.Combine(folder.Path, "repo", ".repoml", "containers");
        Directory.CreateDirectory(state);
        File.CreateSymbolicLink(Path.Combine(state, "containers.conf"), outside);

        // When RepoML writes its configuration
        var configuration = ContainersConfiguration.Create(state);

        // Then the outside file is as it was, and the configuration is a file of its own
        Assert.Equal("alias ls='ls --color'\n", File.ReadAllText(outside));
        var written = new FileInfo(Path.Combine(state, "containers.conf"));
        Assert.Null(written.LinkTarget);
        Assert.Equal(written.FullName, configuration.Environment["CONTAINERS_CONF"]);
        Assert.Contains("cgroup_manager", File.ReadAllText(written.FullName), StringComparison.Ordinal);
    }
}
