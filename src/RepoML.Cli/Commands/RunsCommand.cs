using RepoML.Workflows.Disk;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml runs list</c> and <c>repoml runs show ID</c>: the run records of this workspace.</summary>
public static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var listOutput = CommonOptions.Output();
        var list = new Command("list", "List pipeline runs, newest first.") { listOutput };
        list.SetAction(parse => List(context, parse.GetValue(listOutput)));

        var id = new Argument<string>("run-id") { Description = "The run id (see 'repoml runs list'), or 'latest'." };
        var showOutput = CommonOptions.Output();
        var show = new Command("show", "Show one run's record: jobs, inputs, outputs, metrics, Git state.") { id, showOutput };
        show.SetAction(parse => Show(context, parse.GetValue(id)!, parse.GetValue(showOutput)));

        return new Command("runs", "Pipeline run records (lineage).") { list, show };
    }

    private static RunsFolder Runs(CliContext context) => new(WorkspaceRoot.Find(context.CurrentDirectory));

    private static int List(CliContext context, OutputFormat format)
    {
        var (runs, damagedRecords) = Runs(context).ReadAll();
        foreach (var damaged in damagedRecords)
        {
            context.Error.WriteLine($"warning: {damaged} is not a run record (edited or damaged); left out");
        }

        if (format == OutputFormat.Json)
        {
            var rows = runs.Select(r => new { run_id = r.RunId, pipeline = r.Pipeline, status = r.Status, started_at = r.StartedAt,
                commit = r.Git.Commit, jobs = r.Jobs.Count, cached = r.Jobs.Count(j => j.Cached) });
            context.Output.WriteLine(JsonSerializer.Serialize(new { runs = rows }, RunRecordJson.Options));
            return (int)ExitCode.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("run").AddColumn("pipeline").AddColumn("status").AddColumn("started (UTC)")
            .AddColumn("commit").AddColumn("jobs (cached)");
        foreach (var run in runs)
        {
            table.AddRow(Markup.Escape(run.RunId), Markup.Escape(run.Pipeline), run.Status, run.StartedAt.UtcDateTime.ToString("u",
                System.Globalization.CultureInfo.InvariantCulture), run.Git.Commit?[..Math.Min(10,
                run.Git.Commit.Length)] ?? "-", $"{run.Jobs.Count} ({run.Jobs.Count(j => j.Cached)})");
        }

        context.Console.Write(table);
        return (int)ExitCode.Success;
    }

    private static int Show(CliContext context, string runId, OutputFormat format)
    {
        var record = Runs(context).Resolve(runId) ?? throw WorkflowException.Usage($"no run '{runId}' in this workspace (see 'repoml runs list')");
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(RunRecordJson.Serialize(record));
            return (int)ExitCode.Success;
        }

        context.Console.WriteLine($"pipeline {record.Pipeline} ({record.PipelineDigest})");
        context.Console.WriteLine($"commit {record.Git.Commit ?? "-"} on " +
            $"{record.Git.Branch ?? "-"}{(record.Git.Dirty ? " (uncommitted changes)" : "")}, by {record.Host.User} on " +
            $"{record.Host.Machine}, {record.Host.Runtime}");
        RunSummary.Write(context, record, explain: true);
        foreach (var job in record.Jobs.Where(j => j.Metrics.Count > 0))
        {
            context.Console.WriteLine($"{job.Name} metrics: {string.Join(", ", job.Metrics.Select(m => $"{m.Key}={m.Value:G6}"))}");
        }

        return (int)ExitCode.Success;
    }
}
