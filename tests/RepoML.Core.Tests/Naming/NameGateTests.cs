using Xunit.Abstractions;
using CsCheck;
using RepoML.Core.Naming;

namespace RepoML.Core.Tests.Naming;

public sealed class NameGateTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(HostileStrings.Names), MemberType = typeof(HostileStrings))]
    public void Should_refuse_the_name_and_say_why_When_it_could_leave_its_folder_or_pass_for_another(string name, string why)
    {
        var problem = NameGate.Problem(name, NameKind.Asset);

        Assert.NotNull(problem);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        var error = Assert.Throws<UnsafeNameException>(() => NameGate.Check(name, NameKind.Asset, "model name"));
        Assert.DoesNotContain('\u202E', error.Message);
    }

    [Theory]
    [InlineData("credit")]
    [InlineData("credit-model_v2.1")]
    [InlineData("0credit")]
    [InlineData("console")]
    public void Should_accept_the_name_When_it_fits_Azure_ML_rules(string name) => Assert.Null(NameGate.Problem(name, NameKind.Asset));

    [Fact]
    public void Should_refuse_a_path_that_leaves_its_root_When_segments_climb_out()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Throws<UnsafeNameException>(() => NameGate.Under(root, "..", "x"));
        Assert.Throws<UnsafeNameException>(() => NameGate.Under(root, "a/../../x"));
        Assert.Throws<UnsafeNameException>(() => NameGate.Under(root, "/etc"));
        Assert.Throws<UnsafeNameException>(() => NameGate.Under(root, "..", "repo-sibling"));
        Assert.Equal(Path.Combine(root, ".repoml", "models", "credit", "1"), NameGate.Under(root, ".repoml", "models", "credit", "1"));
    }

    [Fact]
    public void Should_keep_every_accepted_name_one_segment_under_the_root_When_names_are_generated()
    {
        // Any string (hostile characters weighted in): a name the gate accepts is one visible-ASCII segment under the root.
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var hostile = Gen.Char["./\\:\0\t\u202E\u2066\u0435\u200B aCON1-_"];
        var names = Gen.OneOf<string>(Gen.String, Gen.String[Gen.Char.AlphaNumeric, 1, 40], Gen.String[hostile, 0, 12]);
        var tried = 0;
        names.Sample(name =>
        {
            Interlocked.Increment(ref tried);
            foreach (var kind in Enum.GetValues<NameKind>())
            {
                if (NameGate.Problem(name, kind) is null)
                {
                    var path = NameGate.Under(root, "models", name);
                    Assert.Equal(Path.Combine(root, "models"), Path.GetDirectoryName(path));
                    Assert.All(name, c => Assert.InRange(c, '!', '~'));
                    Assert.NotEqual("..", name);
                }
                else
                {
                    Assert.Throws<UnsafeNameException>(() => NameGate.Check(name, kind, "name"));
                }
            }
        }, iter: 100_000);
        output.WriteLine($"fuzz: {tried} generated names, 0 escapes");
        Assert.Equal(100_000, tried);
    }
}
