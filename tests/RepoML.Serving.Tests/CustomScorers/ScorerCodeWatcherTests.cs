namespace RepoML.Serving.Tests.CustomScorers;

public sealed class ScorerCodeWatcherTests : IDisposable
{
    private readonly TempFolder folder = new("scorer-code");

    private string code => folder.Path;

    [Theory]
    [InlineData("Scorer.cs", true)]
    [InlineData("Features/Encoding.cs", true)]
    [InlineData("Scorer.csproj", true)]
    [InlineData("bin/Release/Scorer.dll", false)]
    [InlineData("obj/project.assets.json", false)]
    [InlineData("src/obj/x.cs", false)]
    [InlineData(".git/index", false)]
    [InlineData(".Scorer.cs.swp", false)]
    public void Should_tell_source_from_build_output_and_hidden_files(string path, bool expected) =>
        Assert.Equal(expected, ScorerCodeWatcher.IsSource(path));

    [Fact]
    public async Task Should_report_source_edits_but_not_build_output_and_stop_When_the_scorer_is_no_longer_served()
    {
        // Given a watched scorer project, and its assembly in the same folder (served later instead of the project).
        // One watch reports its events in order, so a later edit that must be reported is the barrier behind the ones that must not.
        File.WriteAllText(Path.Combine(code, "Scorer.csproj"), "<Project />");
        Directory.CreateDirectory(Path.Combine(code, "bin"));
        var dll = Path.Combine(code, "Scorer.dll");
        File.WriteAllText(dll, "v1");
        var reported = new ConcurrentQueue<string>();
        using var watcher = new ScorerCodeWatcher(reported.Enqueue);
        watcher.Watch([new ScorerSource("blue", code, "Scorer.csproj", Path.Combine(code, "Scorer.csproj"), IsProject: true)]);

        // When build output changes, then a source file, then another (the barrier)
        File.WriteAllText(Path.Combine(code, "bin", "Scorer.dll"), "output");
        File.WriteAllText(Path.Combine(code, "Scorer.cs"), "class Scorer {}");
        File.WriteAllText(Path.Combine(code, "Barrier.cs"), "class Barrier {}");
        var sourceNoticed = await Eventually.TrueAsync(() => reported.Contains("Barrier.cs"), TimeSpan.FromSeconds(5));
        var whileProject = reported.ToList();

        // ... and when only the assembly is served and the project's source changes, then the assembly (the barrier)
        watcher.Watch([new ScorerSource("blue", code, "Scorer.dll", dll, IsProject: false)]);
        reported.Clear();
        File.WriteAllText(Path.Combine(code, "Scorer.cs"), "class Scorer { }");
        File.WriteAllText(dll, "v2");
        var assemblyNoticed = await Eventually.TrueAsync(() => reported.Contains("Scorer.dll"), TimeSpan.FromSeconds(5));

        // Then the source edits were reported and the build output was not; once the project left, its source was not watched
        Assert.True(sourceNoticed, "the source edits were not reported");
        Assert.Contains("Scorer.cs", whileProject);
        Assert.DoesNotContain(whileProject, p => p.StartsWith("bin", StringComparison.Ordinal));
        Assert.True(assemblyNoticed, "the assembly edit was not reported");
        Assert.DoesNotContain("Scorer.cs", reported);
        Assert.Equal([dll], watcher.Watched);
    }

    [Fact]
    public async Task Should_watch_only_the_assembly_file_When_the_scorer_is_a_dll()
    {
        // Given a scorer assembly among other files
        var dll = Path.Combine(code, "Scorer.dll");
        File.WriteAllText(dll, "v1");
        var reported = new ConcurrentQueue<string>();
        using var watcher = new ScorerCodeWatcher(reported.Enqueue);
        watcher.Watch([new ScorerSource("blue", code, "Scorer.dll", dll, IsProject: false)]);

        // When another file changes, then the assembly (reported in order, so it is the barrier behind the other)
        File.WriteAllText(Path.Combine(code, "notes.txt"), "unrelated");
        File.WriteAllText(dll, "v2");
        var noticed = await Eventually.TrueAsync(() => reported.Contains("Scorer.dll"), TimeSpan.FromSeconds(5));

        // Then only the assembly was reported
        Assert.True(noticed, "the new assembly was not reported");
        Assert.DoesNotContain("notes.txt", reported);
        Assert.Equal([dll], watcher.Watched);
    }

    public void Dispose() => folder.Dispose();
}
