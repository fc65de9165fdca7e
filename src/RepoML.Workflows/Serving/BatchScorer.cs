namespace RepoML.Workflows.Serving;

/// <summary>
/// Scores rows in mini-batches of <see cref="BatchSettings.MiniBatchSize"/> with up to <see cref="BatchSettings.MaxConcurrency"/>
/// at once; a failing mini-batch is retried, then scored row by row so one bad row fails alone. A malformed input row
/// (<see cref="BatchRow.Problem"/>) fails as one row without being scored. Stops early once more rows failed than
/// <see cref="BatchSettings.ErrorThreshold"/> allows (-1: never).
/// </summary>
public sealed class BatchScorer(IBatchRowScorer scorer, BatchSettings settings)
{
    /// <summary>Scores every row; <paramref name="progress"/> gets the number of rows finished so far.</summary>
    public async Task<BatchOutcome> ScoreAsync(IReadOnlyList<string> columns, IReadOnlyList<BatchRow> rows, Action<int> progress,
        CancellationToken cancellation)
    {
        var results = new ConcurrentDictionary<int, ScoredRow>();
        var failures = new ConcurrentBag<string>();
        var failed = 0;
        foreach (var bad in rows.Where(r => r.Problem is not null))
        {
            failures.Add(bad.Problem!.StartsWith($"{bad.Source}:{bad.Line}:", StringComparison.Ordinal) ? bad.Problem
                : $"{bad.Source}:{bad.Line}: {bad.Problem}");
            failed++;
        }

        var done = failed;
        rows = [.. rows.Where(r => r.Problem is null)];
        if (settings.ErrorThreshold >= 0 && failed > settings.ErrorThreshold)
        {
            return new BatchOutcome([], failed, [.. failures.Order(StringComparer.Ordinal)], true);
        }

        var batches = Enumerable.Range(0, (rows.Count + settings.MiniBatchSize - 1) / settings.MiniBatchSize);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency,
                CancellationToken = abort.Token }, async (b, token) =>
            {
                var start = b * settings.MiniBatchSize;
                var batch = rows.Skip(start).Take(settings.MiniBatchSize).ToList();
                foreach (var (row, scored, error) in await ScoreMiniBatchAsync(columns, batch, token))
                {
                    if (scored is not null)
                    {
                        results[row.Index] = scored;
                    }
                    else
                    {
                        failures.Add($"{row.Source}:{row.Line}: {error}");
                        if (Interlocked.Increment(ref failed) > settings.ErrorThreshold && settings.ErrorThreshold >= 0)
                        {
                            await abort.CancelAsync();
                        }
                    }
                }

                progress(Interlocked.Add(ref done, batch.Count));
            });
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // The error threshold was crossed.
        }

        return new BatchOutcome([.. results.OrderBy(r => r.Key).Select(r => r.Value)], failed, [.. failures.Order(StringComparer.Ordinal)],
            settings.ErrorThreshold >= 0 && failed > settings.ErrorThreshold);
    }

    private async Task<List<(BatchRow Row, ScoredRow? Scored, string? Error)>> ScoreMiniBatchAsync(IReadOnlyList<string> columns,
        List<BatchRow> batch, CancellationToken token)
    {
        for (var attempt = 0; attempt <= settings.MaxRetries; attempt++)
        {
            try
            {
                var result = await Task.Run(() => scorer.ScoreAsync(columns, batch, token),
                    token).WaitAsync(TimeSpan.FromSeconds(settings.TimeoutSeconds), token);
                return [.. batch.Select((row, i) => (row, (ScoredRow?)new ScoredRow(row, result[i]), (string?)null))];
            }
            catch (ScoringInputException) when (batch.Count > 1)
            {
                // Bad input does not get better by retrying: find the bad rows one by one.
                break;
            }
            catch (ScoringInputException ex)
            {
                return [(batch[0], null, ex.Message)];
            }
            catch (TimeoutException) when (attempt < settings.MaxRetries)
            {
                // retry_settings: try the mini-batch again.
            }
            catch (TimeoutException)
            {
                return [.. batch.Select(row => (row, (ScoredRow?)null,
                    (string?)$"mini-batch timed out after {settings.TimeoutSeconds} s, {settings.MaxRetries + 1} attempts"))];
            }
        }

        var single = new List<(BatchRow, ScoredRow?, string?)>();
        foreach (var row in batch)
        {
            single.AddRange(await ScoreMiniBatchAsync(columns, [row], token));
        }

        return single;
    }
}
