using RepoML.Core.Reports;

namespace RepoML.Cli.Commands;

/// <summary>The table printed after a run (and by <c>repoml runs show</c>): one row per job, reasons with --explain.</summary>
public static class RunSummary
{
    public static void Write(CliContext context, RunRecord record, bool explain)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"run {Markup.Escape(record.RunId)}: {record.Status}");
        table.AddColumn("job").AddColumn("status").AddColumn("cached").AddColumn(new TableColumn("seconds").RightAligned());
        if (explain)
        {
            table.AddColumn("why");
        }

        foreach (var job in record.Jobs)
        {
            var cells = new List<string> { Markup.Escape(job.Name), job.Status, job.Cached ? "yes" : "no", job.DurationSeconds.ToString("F1",
                System.Globalization.CultureInfo.InvariantCulture) };
            if (explain)
            {
                cells.Add(Markup.Escape(VisibleText.Of(job.Reason)));
            }

            table.AddRow(cells.ToArray());
        }

        context.Console.Write(table);
        foreach (var (job, line) in record.Jobs.SelectMany(j => (j.Registered ?? []).Select(l => (j.Name, l))))
        {
            context.Console.WriteLine(VisibleText.Of(line.StartsWith("error:", StringComparison.Ordinal) ? $"job '{job}': {line}" : $"registered {line}"));
        }

        var failed = record.Jobs.FirstOrDefault(j => j.Status == JobRecord.Failed);
        if (failed is not null)
        {
            context.Console.WriteLine(VisibleText.Of($"job '{failed.Name}' failed: {failed.Reason}"));
            context.Console.WriteLine($"logs: .repoml/runs/{record.RunId}/jobs/{failed.Name}/stderr.txt");
        }
    }
}
