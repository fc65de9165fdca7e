using System.Diagnostics;

namespace RepoML.Storage.Tests;

/// <summary>kill -9 of a real writer process in the middle of a put.</summary>
public sealed class KilledWriterTests : LocalStoreTests
{
    [Fact]
    public async Task Should_LeaveNoPartialObject_When_WriterProcessIsKilledMidWrite()
    {
        // Given a child process putting stdin into the store, fed 8 MiB and then kept waiting for more
        var storeRoot = Temp["store"];
        var content = RandomNumberGenerator.GetBytes(8 * 1024 * 1024);
        using var writer = StartPut(storeRoot);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await writer.StandardInput.BaseStream.WriteAsync(content, timeout.Token);
        await writer.StandardInput.BaseStream.FlushAsync(timeout.Token);
        var partial = await WaitForTempDataAsync(Path.Combine(storeRoot, "tmp"), minimumBytes: 4 * 1024 * 1024, timeout.Token);

        // (a live writer's temp file is never cleaned away)
        Assert.Equal(0, new LocalFolderArtifactStore(storeRoot).DeleteOrphanedTemporaryFiles().Files);
        Assert.True(File.Exists(partial));

        // When it is killed (SIGKILL) while its temp file is half written
        Assert.False(writer.HasExited, "the writer must still be mid-write when killed");
        writer.Kill(entireProcessTree: true);
        await writer.WaitForExitAsync(timeout.Token);

        // Then objects/ holds nothing, only the temp file is left behind
        var objects = Path.Combine(storeRoot, "objects");
        Assert.True(!Directory.Exists(objects) || Directory.GetFiles(objects, "*", SearchOption.AllDirectories).Length == 0);
        Assert.True(File.Exists(partial));

        // And the next use of the store removes the orphan, and a put of the same content succeeds and reads back verified
        var store = (LocalFolderArtifactStore)ArtifactStoreFactory.Create(storeRoot, Temp.Path);
        Assert.Equal(1, store.CleanedOnOpen.Files);
        Assert.False(File.Exists(partial));
        var digest = await store.PutStreamAsync(new MemoryStream(content), timeout.Token);
        await store.GetFileAsync(digest, Temp["restored.bin"], timeout.Token);
        Assert.Equal(content, await File.ReadAllBytesAsync(Temp["restored.bin"], timeout.Token));
        Assert.Single(await LocalFolderArtifactStoreTests.ListAsync(store));
        Assert.Equal(0, store.DeleteStaleTemporaryFiles(TimeSpan.Zero));
    }

    private static Process StartPut(string storeRoot)
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "RepoML.Bench.Store.dll");
        Assert.True(File.Exists(helper), $"{helper} is built by the ProjectReference to bench/RepoML.Bench.Store");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", helper, "put", storeRoot, "-" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the writer process");
    }

    private static async Task<string> WaitForTempDataAsync(string tempFolder, long minimumBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(tempFolder))
            {
                var file = Directory.GetFiles(tempFolder).FirstOrDefault(f => new FileInfo(f).Length >= minimumBytes);
                if (file is not null)
                {
                    return file;
                }
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
