using System.Security.Cryptography;

namespace RepoML.Containers.Tests;

public sealed class DeterministicTarTests
{
    [Fact]
    public void Should_write_identical_bytes_When_the_files_are_equal_but_their_times_differ()
    {
        using var temp = new TempFolder("tar");
        var folder = temp.Path;
        Directory.CreateDirectory(Path.Combine(folder, "rootfs", "etc"));
        File.WriteAllText(Path.Combine(folder, "rootfs", "etc", "passwd"), "app:x:1654:1654::/:/sbin/nologin\n");
        File.WriteAllText(Path.Combine(folder, "rootfs", "b.txt"), "b");
        var first = Path.Combine(folder, "1.tar");
        var second = Path.Combine(folder, "2.tar");

        DeterministicTar.Write(Path.Combine(folder, "rootfs"), first, DateTimeOffset.UnixEpoch, _ => 0);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "rootfs", "b.txt"), DateTime.UtcNow.AddDays(-3));
        DeterministicTar.Write(Path.Combine(folder, "rootfs"), second, DateTimeOffset.UnixEpoch, _ => 0);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));
    }

    [Fact]
    public void Should_name_missing_tools_and_how_to_install_them_When_a_tool_is_absent()
    {
        var missing = ContainerTools.Missing("repoml-no-such-tool");

        Assert.NotNull(missing);
        Assert.Contains("repoml-no-such-tool", missing, StringComparison.Ordinal);
        Assert.Contains("apt-get install", missing, StringComparison.Ordinal);
    }
}
