namespace RepoML.Serving.Scoring;

/// <summary>
/// Coalesces concurrent table requests into ONNX Runtime runs (dynamic batching without a timer). A request that
/// finds no run under way runs at once on the caller's thread; requests arriving while one is under way queue, and
/// when it ends the oldest of them leads the next run, taking every queued row (up to a limit). A lone request
/// therefore pays no hop or wait. Under load a leader first lets the thread pool's queued work run (requests already
/// received, still being parsed) so they join its run: a run's fixed cost (~12 µs for the sample model, ~1.4 µs more
/// per row) is then shared by many requests instead of two or three.
/// <para>
/// Up to <c>lanes</c> runs may go at once, each on one intra-op thread, but another lane opens only when runs are long
/// (≥ 0.2 ms on average) and at least four requests wait: for a small model, waiting for the run under way is cheaper
/// than a second run's fixed cost, and batches stay big; for a large one, a single lane would leave the other cores
/// idle while it runs.
/// </para>
/// </summary>
/// <param name="lanes">Runs that may go at once.</param>
/// <param name="observeRun">Told how many requests each run served.</param>
/// <param name="longRun">Average run duration from which another lane may open (default 0.2 ms; tests open lanes at once).</param>
public sealed class RowBatcher(TableModel model, int maxRows, bool coalesce, int lanes, Action<double>? observeRun = null, TimeSpan? longRun = null)
{
    private readonly Queue<Pending> queue = new();
    private readonly Lock gate = new();
    private readonly int lanes = Math.Max(1, lanes);
    private int running;

    /// <summary>Requests waiting, the arriving one included, that may open another lane.</summary>
    private const int ExtraLaneRequests = 4;

    /// <summary>How long runs must take, on average, for another lane to be worth its run's fixed cost.</summary>
    private readonly long longRunTicks = (long)((longRun ?? TimeSpan.FromMilliseconds(0.2)).TotalSeconds * Stopwatch.Frequency);

    /// <summary>Moving average of run durations (Stopwatch ticks).</summary>
    private long averageRunTicks;

    public TableModel Model { get; } = model;

    public async ValueTask<TableResult> ScoreAsync(TableBatch batch)
    {
        if (!coalesce || !Model.Batchable)
        {
            return Run([new Pending(batch)])[0];
        }

        var self = new Pending(batch);
        lock (gate)
        {
            if (running == 0 || (running < lanes && queue.Count + 1 >= ExtraLaneRequests && Volatile.Read(ref averageRunTicks) >= longRunTicks))
            {
                running++;
                self.Lead = true;
            }
            else
            {
                queue.Enqueue(self);
            }
        }

        if (!self.Lead)
        {
            // Not cancellable: a follower may be handed the lead, and the wait is at most one run.
            var outcome = await self.Completion.Task;
            if (outcome is not null)
            {
                return outcome;
            }
        }

        if (ThreadPool.PendingWorkItemCount > 0)
        {
            // To the back of the thread pool's queue: the requests in front of us get parsed and queue for this run.
            await Task.Yield();
        }

        return Lead(self);
    }

    private TableResult Lead(Pending self)
    {
        var group = new List<Pending> { self };
        var rows = self.Batch.Rows;
        lock (gate)
        {
            while (queue.TryPeek(out var next) && rows + next.Batch.Rows <= maxRows)
            {
                group.Add(queue.Dequeue());
                rows += next.Batch.Rows;
            }
        }

        TableResult[]? results = null;
        try
        {
            results = Run(group);
            for (var i = 1; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            for (var i = 1; i < group.Count; i++)
            {
                group[i].Completion.TrySetException(ex);
            }

            throw;
        }
        finally
        {
            Pending? successor = null;
            lock (gate)
            {
                if (!queue.TryDequeue(out successor))
                {
                    running--;
                }
            }

            // Hand the lead on: a null result tells the oldest waiter to run the next batch itself.
            successor?.Completion.TrySetResult(null);
        }

        return results[0];
    }

    private TableResult[] Run(List<Pending> group)
    {
        var inputs = Model.Inputs;
        var total = group.Sum(p => p.Batch.Rows);
        if (Model.RowByRow)
        {
            // Such a model is not batchable: the group is one request. A lone row goes this way too, so a scalar answer is its entry.
            return [new TableResult(RowByRow.Run(Model, group[0].Batch), 0, total)];
        }

        var shapes = new long[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++)
        {
            // Only a request of its own settles a variable row's width (such a model is not batchable).
            shapes[i] = group[0].Batch.Widths is { } widths ? inputs[i].ShapeFor(total, widths[i]) : inputs[i].ShapeFor(total);
        }

        // The run's input values are kept by the session per batch size and refilled: cheaper than new tensors.
        using var values = Model.Session.RentInputs(shapes);
        for (var i = 0; i < inputs.Count; i++)
        {
            var offset = 0;
            foreach (var pending in group)
            {
                var column = pending.Batch.Columns[i];
                values.Write(i, column, offset);
                offset += column.Length;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var outputs = Model.Session.Run(values, Model.OutputNames);
        var took = Stopwatch.GetTimestamp() - started;
        RequirePerRow(outputs, total);
        Volatile.Write(ref averageRunTicks, averageRunTicks + ((took - averageRunTicks) / 8));
        observeRun?.Invoke(group.Count);
        var results = new TableResult[group.Count];
        var start = 0;
        for (var g = 0; g < group.Count; g++)
        {
            results[g] = new TableResult(outputs, start, group[g].Batch.Rows);
            start += group[g].Batch.Rows;
        }

        return results;
    }

    /// <summary>
    /// Every output must have one entry per row scored, or the answer cannot be split into rows: a model that reduces over
    /// the rows (<c>ArgMax</c> over axis 0) or makes a tensor of its own size (<c>Range</c>) has no per-row answer.
    /// </summary>
    /// <exception cref="ScoringInputException">An output is a scalar or its first dimension is not the row count.</exception>
    private static void RequirePerRow(IReadOnlyList<OnnxTensor> outputs, int rows)
    {
        foreach (var output in outputs)
        {
            if (output.Shape is not [var first, ..] || first != rows)
            {
                throw new ScoringInputException($"model output '{output.Name}' has shape [{string.Join(',', output.Shape)}], not one entry " +
                    $"per row for the {rows} row(s) scored: /score answers row by row; /v2/models/{{name}}/infer answers whole tensors");
            }
        }
    }

    private sealed class Pending(TableBatch batch)
    {
        public TableBatch Batch { get; } = batch;

        public bool Lead { get; set; }

        public TaskCompletionSource<TableResult?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
