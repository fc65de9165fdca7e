namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Executes one job of a run: computes its cache key, reuses its cached outputs or runs its command as a process in its
/// own folder, and stores its outputs. Upstream jobs' records come from the scheduler through <paramref name="recordOf"/>;
/// outputs needed on disk are restored once per run and shared by the jobs that read them.
/// </summary>
public sealed class JobExecutor(
    PipelineRunSettings settings, string runId, string shimFolder, CacheIndex cache, RunsFolder runs, FileDigests digests, Func<string,
        JobRecord?> recordOf)
{
    /// <summary>(job, output) → local path, for outputs this run produced or restored from the store.</summary>
    private readonly ConcurrentDictionary<(string Job, string Output), Lazy<Task<string>>> localOutputs = new();

    private readonly Lazy<ContainerStep> containers = new(() => new ContainerStep(settings.Files.Root, digests));

    public async Task<JobRecord> ExecuteAsync(PipelinePlan plan, PlannedJob job, CancellationToken cancellation)
    {
        await Task.Yield();
        var clock = Stopwatch.StartNew();
        var inputKeys = job.Inputs.ToDictionary(p => p.Key, p => KeyValue(p.Value, upstream: true), StringComparer.Ordinal);
        var codeDigest = job.CodePath is { } code && settings.Files.DirectoryExists(code)
            ? digests.OfFolder(settings.Files.Full(code)).ToString() : null;
        var environmentDigest = new EnvironmentDigests(settings.Files, settings.Workspace, digests).Of(job.EnvironmentPath);
        string keyCommand;
        try
        {
            // In a pipeline's sweep step, the trial component's inputs named like a search-space parameter take the trial's value.
            var isParameter = (string name) => job.Sweep?.Space.Any(d => d.Name == name) == true;
            keyCommand = CommandTemplate.Substitute(job.CommandTemplate, name => isParameter(name) ? $"<search_space.{name}>"
                : inputKeys.GetValueOrDefault(name), name => $"<outputs.{name}>",
                name => $"<search_space.{name}>");
        }
        catch (ArgumentException ex)
        {
            return Finish(job, JobRecord.Failed, false, job.CommandTemplate, null, clock, "", ex.Message, environmentDigest, codeDigest,
                inputKeys, new Dictionary<string, string>(), new Dictionary<string, double>());
        }

        var key = new CacheKey(job.CommandTemplate, keyCommand, job.Definition, codeDigest, environmentDigest, inputKeys, job.Outputs.Select(o
            => o.Name).ToList());
        var hash = key.Hash();
        var forced = settings.ForceRerun || plan.ForceRerun || !job.IsDeterministic;
        if (!forced && cache.Find(hash) is { } hit && await AllExistAsync(hit.Outputs.Values, cancellation))
        {
            return Finish(job, JobRecord.Completed, true, keyCommand, 0, clock, hash,
                $"reused: inputs, command, code and environment unchanged since run {hit.RunId}", environmentDigest, codeDigest, inputKeys,
                hit.Outputs, hit.Metrics);
        }

        var why = forced
            ? (settings.ForceRerun || plan.ForceRerun ? "ran: force_rerun" : "ran: component is not deterministic")
            : "ran: " + string.Join("; ", key.Differences(cache.LastKey(plan.PipelinePath, job.Name)));
        settings.Observer.JobStarted(job.Name);
        var folder = runs.JobFolder(runId, job.Name);
        Directory.CreateDirectory(folder);
        var inputPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in job.Inputs)
        {
            inputPaths[name] = await LocalValueAsync(value, cancellation);
        }

        CommandRun ran;
        IReadOnlyList<TrialRecord>? trials = null;
        int? bestTrial = null;
        if (job.Sweep is { } sweep)
        {
            var (records, best, bestRun) = await new SweepTrials(sweep, folder, settings.MaxParallel, (trial, space, variables, token) =>
                RunCommandAsync(job, Path.Combine(folder, "trials", trial.ToString(CultureInfo.InvariantCulture)), inputPaths, space, variables,
                    token)).RunAsync(cancellation);
            AtomicText.Write(Path.Combine(folder, "trials.json"), JsonSerializer.Serialize(records, RunRecordJson.Options) + "\n");
            (trials, bestTrial) = (records, best);
            if (bestRun is null)
            {
                return Finish(job, JobRecord.Failed, false, job.CommandTemplate, null, clock, hash,
                    $"{why}; no trial of {records.Count} completed with a finite '{sweep.PrimaryMetric}'", environmentDigest, codeDigest,
                    inputKeys, new Dictionary<string, string>(), new Dictionary<string, double>()) with { Trials = trials };
            }

            ran = bestRun;
        }
        else
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (job.Timeout is { } timeout)
            {
                limit.CancelAfter(timeout);
            }

            try
            {
                ran = await RunCommandAsync(job, folder, inputPaths, null, new Dictionary<string, string>(), limit.Token);
            }
            catch (ContainerToolException ex)
            {
                return Finish(job, JobRecord.Failed, false, job.CommandTemplate, null, clock, hash, $"{why}; {ex.Message}", environmentDigest,
                    codeDigest, inputKeys, new Dictionary<string, string>(), new Dictionary<string, double>());
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return Finish(job, JobRecord.Failed, false, job.CommandTemplate, null, clock, hash,
                    $"{why}; killed after its limits.timeout of {job.Timeout!.Value.TotalSeconds:0} s", environmentDigest, codeDigest, inputKeys,
                    new Dictionary<string, string>(), new Dictionary<string, double>());
            }
        }

        var (command, exitCode, outputPaths) = (ran.Command, ran.ExitCode, ran.OutputPaths);
        why += ran.Image is { } ranIn ? $"; in container image {ranIn}" : "";
        if (exitCode != 0)
        {
            return Finish(job, JobRecord.Failed, false, command, exitCode, clock, hash,
                $"{why}; exit code {exitCode}: {LastLines(Path.Combine(folder, "stderr.txt"))}", environmentDigest, codeDigest, inputKeys, new
                Dictionary<string, string>(), new Dictionary<string, double>());
        }

        var missing = job.Outputs.FirstOrDefault(o => o.IsFile && !File.Exists(outputPaths[o.Name]));
        if (missing is not null)
        {
            return Finish(job, JobRecord.Failed, false, command, exitCode, clock, hash,
                $"{why}; the command did not write its uri_file output '{missing.Name}'", environmentDigest, codeDigest, inputKeys, new
                Dictionary<string, string>(), new Dictionary<string, double>());
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in job.Outputs)
        {
            var path = outputPaths[output.Name];
            outputs[output.Name] = (output.IsFile ? await settings.Store.PutFileAsync(path,
                cancellation) : await settings.Store.PutFolderAsync(path, cancellation)).ToString();
            localOutputs[(job.Name, output.Name)] = new Lazy<Task<string>>(Task.FromResult(path));
        }

        var metrics = trials is not null && bestTrial is { } b ? trials.First(t => t.Trial == b).Metrics
            : RunMetrics.Read(job.Outputs.Where(o => !o.IsFile).Select(o => outputPaths[o.Name]));
        cache.Save(hash, new CacheEntry(runId, outputs, metrics));
        cache.SaveLastKey(plan.PipelinePath, job.Name, key);
        return Finish(job, JobRecord.Completed, false, command, exitCode, clock, hash, why, environmentDigest, codeDigest, inputKeys, outputs,
            metrics) with { Trials = trials, BestTrial = bestTrial };
    }

    /// <summary>Runs the job's command (a sweep trial's, with its <paramref name="searchSpace"/> values) in <paramref name="folder"/>.</summary>
    private async Task<CommandRun> RunCommandAsync(PlannedJob job, string folder, IReadOnlyDictionary<string, string> inputPaths,
        Func<string, string?>? searchSpace, IReadOnlyDictionary<string, string> variables, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var outputPaths = job.Outputs.ToDictionary(o => o.Name, o => PrepareOutput(folder, o), StringComparer.Ordinal);
        var command = CommandTemplate.SubstituteForShell(job.CommandTemplate, name => searchSpace?.Invoke(name) ?? inputPaths.GetValueOrDefault(name),
            name => outputPaths.GetValueOrDefault(name), searchSpace);
        // Azure ML's default `artifacts` output is the job's artifact folder, whose ./outputs the command writes to.
        var workingDirectory = job.CodePath is { } codePath && settings.Files.DirectoryExists(codePath) ? settings.Files.Full(codePath)
            : outputPaths.GetValueOrDefault(ArtifactsOutput) ?? folder;
        if (workingDirectory == folder)
        {
            // Azure ML starts every job in a folder that already has ./outputs and ./logs (hello-world-output.yml writes
            // straight to ./outputs/helloworld.txt); a job without a code folder runs in its job folder, so make them there.
            Directory.CreateDirectory(Path.Combine(folder, "outputs"));
            Directory.CreateDirectory(Path.Combine(folder, "logs"));
        }

        var environment = new Dictionary<string, string>(job.EnvironmentVariables, StringComparer.Ordinal)
        {
            ["PATH"] = shimFolder + Path.PathSeparator + (job.EnvironmentVariables.GetValueOrDefault("PATH") ?? Environment.GetEnvironmentVariable("PATH")),
            ["REPOML_RUN_ID"] = runId,
            ["REPOML_JOB_NAME"] = job.Name,
        };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        var (stdout, stderr) = (Path.Combine(folder, "stdout.txt"), Path.Combine(folder, "stderr.txt"));
        if (settings.InContainers)
        {
            var image = await containers.Value.ImageAsync(job, cancellation);
            var name = $"repoml-{runId}-{Path.GetRelativePath(runs.RunFolder(runId), folder).Replace(Path.DirectorySeparatorChar, '-')}";
            var exit = await containers.Value.RunAsync(image, name, command, workingDirectory, folder, [.. inputPaths.Values, workingDirectory],
                environment, stdout, stderr, cancellation);
            return new CommandRun(command, exit, outputPaths, folder) { Image = image };
        }

        var exitCode = await StepProcess.RunAsync(command, workingDirectory, environment, stdout, stderr, cancellation);
        return new CommandRun(command, exitCode, outputPaths, folder);
    }

    private static JobRecord Finish(PlannedJob job, string status, bool cached, string command, int? exitCode, Stopwatch clock, string key,
        string reason, string? environmentDigest, string? codeDigest, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string,
        string> outputs, IReadOnlyDictionary<string, double> metrics)
    {
        var assets = job.EnvironmentName is { } environment && environmentDigest is not null && environment.StartsWith("azureml:",
            StringComparison.Ordinal)
            ? new List<AssetUse> { new("environment", environment, null, environmentDigest) }
            : [];
        assets.AddRange(job.Inputs.Where(p => p.Value is LocalPathValue).Select(p => new AssetUse("data", ((LocalPathValue)p.Value).Path, null,
            inputs[p.Key])));
        return new JobRecord(job.Name, status, cached, command, exitCode, Math.Round(clock.Elapsed.TotalSeconds, 3), key, reason,
            job.EnvironmentName, environmentDigest, codeDigest, inputs, outputs, metrics, assets);
    }

    /// <summary>The value a cache key sees for an input: a content digest, or the literal itself.</summary>
    /// <param name="upstream">Whether job outputs are known (a job's inputs) or only named (the run's inputs).</param>
    public string KeyValue(PlanValue value, bool upstream) => value switch
    {
        LiteralValue literal => "literal:" + literal.Value,
        LocalPathValue path => settings.Files.FileExists(path.Path) || settings.Files.DirectoryExists(path.Path)
            ? digests.OfPath(settings.Files.Full(path.Path)).ToString()
            : throw new FileNotFoundException($"input '{path.Path}' does not exist"),
        JobOutputValue output when upstream => recordOf(output.Job)?.Outputs.GetValueOrDefault(output.Output)
            ?? throw new InvalidOperationException($"job '{output.Job}' produced no output '{output.Output}'"),
        JobOutputValue output => $"{output.Job}.{output.Output}",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The text substituted into the command: the literal, or a local path (restoring a cached output first).</summary>
    private Task<string> LocalValueAsync(PlanValue value, CancellationToken cancellation) => value switch
    {
        LiteralValue literal => Task.FromResult(literal.Value),
        LocalPathValue path => Task.FromResult(settings.Files.Full(path.Path)),
        JobOutputValue output => localOutputs.GetOrAdd((output.Job, output.Output),
            key => new Lazy<Task<string>>(() => RestoreAsync(key.Job, key.Output, cancellation))).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private async Task<string> RestoreAsync(string job, string output, CancellationToken cancellation)
    {
        var digest = Digest.Parse(recordOf(job)!.Outputs[output]);
        var target = Path.Combine(runs.JobFolder(runId, job), "outputs", output);
        var manifest = await StoreSync.TryReadManifestAsync(settings.Store, digest, cancellation);
        if (manifest is not null)
        {
            await settings.Store.RestoreFolderAsync(digest, target, replaceExisting: true, cancellation);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await settings.Store.GetFileAsync(digest, target, cancellation);
        }

        return target;
    }

    private const string ArtifactsOutput = "artifacts";

    private static string PrepareOutput(string jobFolder, OutputPort output)
    {
        if (output is { Name: ArtifactsOutput, IsFile: false })
        {
            var artifacts = Path.Combine(jobFolder, ArtifactsOutput);
            Directory.CreateDirectory(Path.Combine(artifacts, "outputs"));
            return artifacts;
        }

        var path = Path.Combine(jobFolder, "outputs", output.Name);
        Directory.CreateDirectory(output.IsFile ? Path.GetDirectoryName(path)! : path);
        return path;
    }

    private async Task<bool> AllExistAsync(IEnumerable<string> outputDigests, CancellationToken cancellation)
    {
        foreach (var digest in outputDigests)
        {
            if (!Digest.TryParse(digest, out var parsed) || !await settings.Store.ExistsAsync(parsed!, cancellation))
            {
                return false;
            }
        }

        return true;
    }

    private static string LastLines(string path) =>
        File.Exists(path) ? string.Join(" | ", File.ReadLines(path).Where(l => l.Trim().Length > 0).TakeLast(3)) : "";
}
