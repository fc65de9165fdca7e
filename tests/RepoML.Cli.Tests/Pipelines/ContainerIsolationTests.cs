using RepoML.Containers;

namespace RepoML.Cli.Tests.Pipelines;

/// <summary>
/// <c>repoml run --isolation container</c>: a step runs in the image its environment builds from a Dockerfile. The base image is
/// made here, offline, from this machine's /bin/sh and /bin/cat and their libraries; the Dockerfile adds a file the host lacks.
/// </summary>
public sealed class ContainerIsolationTests
{
    private const string BaseImage = "localhost/repoml-test-shell:1";

    private static async Task EnsureBaseImageAsync(string folder)
    {
        var tools = new ToolProcess(ContainersConfiguration.Create(Path.Combine(folder, "conf")));
        if ((await tools.RunAsync("podman", ["image", "exists", BaseImage], CancellationToken.None, check: false)).ExitCode == 0)
        {
            return;
        }

        var rootfs = Path.Combine(folder, "rootfs");
        foreach (var program in new[] { "/bin/sh", "/bin/cat" })
        {
            var libraries = (await tools.RunAsync("ldd", [program], CancellationToken.None)).Output.Split((char[])[' ', '\n', '\t'])
                .Where(w => w.StartsWith('/'));
            foreach (var file in libraries.Append(program))
            {
                var target = Path.Combine(rootfs, file.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.GetFullPath(new FileInfo(file).ResolveLinkTarget(true)?.FullName ?? file), target, overwrite: true);
            }
        }

        var tar = Path.Combine(folder, "rootfs.tar");
        await tools.RunAsync("tar", ["-C", rootfs, "-cf", tar, "."], CancellationToken.None);
        await tools.RunAsync("podman", ["import", tar, BaseImage], CancellationToken.None);
    }

    [ContainerFact("buildah", "podman", "runc")]
    public async Task Should_run_the_step_inside_the_image_its_Dockerfile_builds_When_isolation_is_container()
    {
        // Given an environment built from a Dockerfile that adds /repoml-marker.txt, which the host does not have
        Assert.False(File.Exists("/repoml-marker.txt"));
        using var workspace = new TempWorkspace()
            .Write("environments/shell/Dockerfile", $"FROM {BaseImage}\nCOPY marker.txt /repoml-marker.txt\n")
            .Write("environments/shell/marker.txt", "from the image\n")
            .Write("environments/shell.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
                name: shell
                version: 1
                build:
                  path: ./shell
                """)
            .Write("jobs/seen.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
                command: cat /repoml-marker.txt > ${{outputs.seen}}
                environment: azureml:shell@latest
                outputs:
                  seen:
                    type: uri_file
                """);
        await EnsureBaseImageAsync(Path.Combine(workspace.Root, ".base"));

        // When it runs in a container, and on the host
        var contained = await workspace.RunAsync(["run", "jobs/seen.yml", "--isolation", "container", "--output", "json"]);
        var host = await workspace.RunAsync(["run", "jobs/seen.yml", "--force-rerun"]);

        // Then the contained step read the image's file; on the host the same command fails for want of it
        Assert.True(contained.ExitCode == 0, contained.Output + contained.Error);
        Assert.Contains("; in container image localhost/repoml-env:", contained.Output, StringComparison.Ordinal);
        var seen = workspace.RunFiles("seen").ToList();
        Assert.Contains(seen, f => File.ReadAllText(f) == "from the image\n");
        Assert.NotEqual(0, host.ExitCode);
    }

    [ContainerFact("buildah", "podman", "runc")]
    public async Task Should_fail_the_step_naming_the_image_When_it_is_not_in_local_storage()
    {
        // Given
        using var workspace = new TempWorkspace().Write("jobs/j.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            command: echo ran
            environment:
              image: localhost/repoml-no-such-image:404
            """);

        // When
        var run = await workspace.RunAsync(["run", "jobs/j.yml", "--isolation", "container", "--output", "json"]);

        // Then
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("localhost/repoml-no-such-image:404", run.Output, StringComparison.Ordinal);
        Assert.Contains("is not in local storage and a local run does not pull images", run.Output, StringComparison.Ordinal);
    }
}
