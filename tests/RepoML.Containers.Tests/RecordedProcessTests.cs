using System.Diagnostics;

namespace RepoML.Containers.Tests;

/// <summary>Pids RepoML recorded in state files are checked before they are stopped: an edited file cannot aim the kill elsewhere.</summary>
public sealed class RecordedProcessTests
{
    [Fact]
    public void Should_leave_the_process_running_When_the_registry_pid_file_names_one_that_is_not_the_registry()
    {
        // Given someone's process, and the local registry's pid file edited to name it (or pid 1, which cannot be stopped)
        using var folder = new TempFolder("registry-pid");
        using var other = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            var registry = new LocalRegistry(folder.Path, 5000);
            folder.Write("registry.pid", other.Id + "\n");

            // When the registry is stopped
            var stopped = registry.Stop();
            folder.Write("registry.pid", "1\n");
            var stoppedInit = registry.Stop();

            // Then nothing was stopped, and no error came of it
            Assert.False(stopped);
            Assert.False(stoppedInit);
            Assert.False(other.HasExited, "stopping the registry killed another process");
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public void Should_stop_the_process_When_it_runs_with_the_recorded_arguments()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "301") { UseShellExecute = false })!;

        Assert.False(RecordedProcess.Stop(sleeper.Id, false, "302"));
        Assert.True(RecordedProcess.Stop(sleeper.Id, false, "sleep", "301"));
        Assert.True(sleeper.WaitForExit(10_000));
    }
}
