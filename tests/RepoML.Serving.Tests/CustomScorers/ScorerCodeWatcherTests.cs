using RepoML.Serving.CustomScorers;

namespace RepoML.Serving.Tests.CustomScorers;

public sealed class ScorerCodeWatcherTests : IDisposable
{
    private readonly string code = Directory.CreateTempSubdirectory("repoml-scorer-code-").FullName;

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
        // Given a watched scorer project
        File.WriteAllText(Path.Combine(code, "Scorer.csproj"), "<Project />");
        Directory.CreateDirectory(Path.Combine(code, "bin"));
        var changes = 0;
        using var watcher = new ScorerCodeWatcher(() => Interlocked.Increment(ref changes));
        var source = new ScorerSource("blue", code, "Scorer.csproj", Path.Combine(code, "Scorer.csproj"), IsProject: true);
        watcher.Watch([source]);

        // When build output changes, then a source file, then the scorer leaves and its source changes again
        File.WriteAllText(Path.Combine(code, "bin", "Scorer.dll"), "output");
        await Task.Delay(300);
        var afterOutput = Volatile.Read(ref changes);
        File.WriteAllText(Path.Combine(code, "Scorer.cs"), "class Scorer {}");
        var noticed = await UntilAsync(() => Volatile.Read(ref changes) > 0);
        watcher.Watch([]);
        await Task.Delay(300);
        var beforeLast = Volatile.Read(ref changes);
        File.WriteAllText(Path.Combine(code, "Scorer.cs"), "class Scorer { }");
        await Task.Delay(300);

        // Then
        Assert.Equal(0, afterOutput);
        Assert.True(noticed, "the source edit was not reported");
        Assert.Empty(watcher.Watched);
        Assert.Equal(beforeLast, Volatile.Read(ref changes));
    }

    [Fact]
    public async Task Should_watch_only_the_assembly_file_When_the_scorer_is_a_dll()
    {
        // Given a scorer assembly among other files
        var dll = Path.Combine(code, "Scorer.dll");
        File.WriteAllText(dll, "v1");
        var changes = 0;
        using var watcher = new ScorerCodeWatcher(() => Interlocked.Increment(ref changes));
        watcher.Watch([new ScorerSource("blue", code, "Scorer.dll", dll, IsProject: false)]);

        // When another file changes, then the assembly
        File.WriteAllText(Path.Combine(code, "notes.txt"), "unrelated");
        await Task.Delay(300);
        var afterOther = Volatile.Read(ref changes);
        File.WriteAllText(dll, "v2");
        var noticed = await UntilAsync(() => Volatile.Read(ref changes) > 0);

        // Then
        Assert.Equal(0, afterOther);
        Assert.True(noticed, "the new assembly was not reported");
        Assert.Equal([dll], watcher.Watched);
    }

    public void Dispose() => Directory.Delete(code, recursive: true);

    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        return condition();
    }
}
