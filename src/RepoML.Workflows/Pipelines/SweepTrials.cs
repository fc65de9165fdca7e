using RepoML.Core.Sweeps;

namespace RepoML.Workflows.Pipelines;

/// <summary>
/// Runs a sweep job's trials locally: parameter sets from <see cref="SweepSettings.PlanTrials"/> (the engine of
/// <c>repoml sweep</c>), at most <c>max_concurrent_trials</c> at a time, each in its own folder with
/// <see cref="TrialMetrics"/> as its metrics channel; trials past <c>trial_timeout</c>, the sweep's <c>timeout</c> or the early
/// termination policy are killed. The best completed trial by the objective (the first one wins ties) is the sweep's result.
/// </summary>
public sealed class SweepTrials(SweepSettings sweep, string jobFolder, int defaultConcurrency, Func<int, Func<string, string?>,
    IReadOnlyDictionary<string, string>, CancellationToken, Task<CommandRun>> runTrial)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Every started trial, and the best one's index and command run (null when no trial completed with the metric).</summary>
    public async Task<(IReadOnlyList<TrialRecord> Trials, int? Best, CommandRun? BestRun)> RunAsync(CancellationToken cancellation)
    {
        var plan = sweep.PlanTrials();
        using var sweepTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (sweep.Timeout is { } timeout)
        {
            sweepTimeout.CancelAfter(timeout);
        }

        var concurrency = Math.Max(1, sweep.MaxConcurrentTrials ?? defaultConcurrency);
        var records = new SortedDictionary<int, TrialRecord>();
        var runs = new Dictionary<int, CommandRun>();
        var running = new Dictionary<int, (Task<CommandRun> Task, CancellationTokenSource Stop, Stopwatch Clock, string? StopReason)>();
        var next = 0;
        while (next < plan.Count || running.Count > 0)
        {
            while (running.Count < concurrency && next < plan.Count && !sweepTimeout.IsCancellationRequested)
            {
                var trial = next++;
                var stop = CancellationTokenSource.CreateLinkedTokenSource(sweepTimeout.Token);
                if (sweep.TrialTimeout is { } trialTimeout)
                {
                    stop.CancelAfter(trialTimeout);
                }

                var values = plan[trial];
                var environment = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [TrialMetrics.Variable] = MetricsFile(trial),
                    ["REPOML_TRIAL"] = trial.ToString(CultureInfo.InvariantCulture),
                };
                Directory.CreateDirectory(TrialFolder(trial));
                running[trial] = (runTrial(trial, name => Value(values, name), environment, stop.Token), stop, Stopwatch.StartNew(), null);
            }

            if (running.Count == 0)
            {
                break;
            }

            await Task.WhenAny(running.Values.Select(r => r.Task).Append(Task.Delay(PollInterval, CancellationToken.None)));
            cancellation.ThrowIfCancellationRequested();
            StopByPolicy(running, records);
            foreach (var (trial, state) in running.Where(r => r.Value.Task.IsCompleted).ToList())
            {
                running.Remove(trial);
                state.Stop.Dispose();
                var (record, run) = Finish(trial, plan[trial], state.Task, state.StopReason
                    ?? (sweepTimeout.IsCancellationRequested ? "sweep timeout reached" : "trial_timeout reached"), state.Clock);
                records[trial] = record;
                if (run is not null)
                {
                    runs[trial] = run;
                }
            }
        }

        int? best = null;
        foreach (var record in records.Values.Where(r => r.Status == JobRecord.Completed && r.PrimaryValue is not null))
        {
            if (sweep.Better(record.PrimaryValue!.Value, best is { } b ? records[b].PrimaryValue : null))
            {
                best = record.Trial;
            }
        }

        return ([.. records.Values], best, best is { } index ? runs[index] : null);
    }

    private void StopByPolicy(Dictionary<int, (Task<CommandRun> Task, CancellationTokenSource Stop, Stopwatch Clock, string? StopReason)> running,
        SortedDictionary<int, TrialRecord> finished)
    {
        if (sweep.EarlyTermination is not { } policy)
        {
            return;
        }

        var reported = running.Keys.ToDictionary(t => t, t => Primary(TrialMetrics.Read(MetricsFile(t))));
        var done = finished.Keys.Select(t => ((IReadOnlyList<double>)Primary(TrialMetrics.Read(MetricsFile(t))), true)).ToList();
        foreach (var (trial, values) in reported.Where(r => running[r.Key].StopReason is null && !running[r.Key].Task.IsCompleted))
        {
            var others = reported.Where(r => r.Key != trial).Select(r => ((IReadOnlyList<double>)r.Value, false)).Concat(done);
            if (policy.ShouldStop(values, others, sweep.Maximize))
            {
                running[trial] = running[trial] with { StopReason = $"early termination ({policy.Type}) after {values.Count} reports" };
                running[trial].Stop.Cancel();
            }
        }
    }

    private List<double> Primary(IReadOnlyDictionary<string, List<double>> series) => series.GetValueOrDefault(sweep.PrimaryMetric) ?? [];

    private (TrialRecord Record, CommandRun? Run) Finish(int trial, IReadOnlyDictionary<string, double> values, Task<CommandRun> task,
        string canceledReason, Stopwatch clock)
    {
        var parameters = values.ToDictionary(v => v.Key, v => Value(values, v.Key)!, StringComparer.Ordinal);
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        var series = TrialMetrics.Read(MetricsFile(trial));
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (task.IsCompletedSuccessfully)
        {
            foreach (var (name, value) in RunMetrics.Read(task.Result.OutputPaths.Values.Where(Directory.Exists)))
            {
                metrics[name] = value;
            }
        }

        foreach (var (name, reports) in series.Where(s => s.Value.Count > 0))
        {
            metrics[name] = reports[^1];
        }

        var primary = metrics.TryGetValue(sweep.PrimaryMetric, out var p) && double.IsFinite(p) ? p : (double?)null;
        if (task.IsCanceled || task.Exception?.InnerException is OperationCanceledException)
        {
            return (new TrialRecord(trial, parameters, JobRecord.Canceled, primary, metrics, canceledReason, seconds), null);
        }

        if (!task.IsCompletedSuccessfully)
        {
            return (new TrialRecord(trial, parameters, JobRecord.Failed, primary, metrics, task.Exception?.InnerException?.Message, seconds), null);
        }

        var run = task.Result;
        var reason = run.ExitCode != 0 ? $"exit code {run.ExitCode}"
            : primary is null ? $"reported no '{sweep.PrimaryMetric}' (write it to ${TrialMetrics.Variable} or a metrics.json output)" : null;
        return (new TrialRecord(trial, parameters, run.ExitCode == 0 ? JobRecord.Completed : JobRecord.Failed, primary, metrics, reason, seconds),
            run.ExitCode == 0 ? run : null);
    }

    private string? Value(IReadOnlyDictionary<string, double> values, string name) =>
        values.TryGetValue(name, out var value) ? sweep.Space.First(d => d.Name == name).Format(value) : null;

    private string TrialFolder(int trial) => Path.Combine(jobFolder, "trials", trial.ToString(CultureInfo.InvariantCulture));

    private string MetricsFile(int trial) => Path.Combine(TrialFolder(trial), "metrics.jsonl");
}
