namespace RepoML.Cli.Tests.Monitoring;

public sealed class MonitorCommandTests
{
    private static readonly DateTimeOffset Hour = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_exit_5_and_deliver_the_drift_event_once_When_inputs_shift_and_the_webhook_fails_at_first()
    {
        // Given the sample credit workspace, a webhook that answers 503 twice, and shifted traffic collected for an hour
        using var receiver = new WebhookReceiver(failures: 2);
        using var workspace = CreditWorkspace(receiver.Url);
        var (columns, rows, labels) = Credit(workspace.Root);
        var shifted = rows.Take(400).Select(r => Shift(columns, r)).ToList();
        CollectedFiles.Write(workspace.Root, columns, shifted, labels.Take(400).Select(_ => "bad").ToList(), Hour.AddMinutes(5));

        // When repoml monitor runs over that hour with reports
        var run = await RunAsync(workspace, "monitor", "endpoints/credit", "--from", "2025-03-04T10:00:00Z", "--to", "2025-03-04T11:00:00Z",
            "--report-md", "report.md", "--report-html", "report.html", "-o", "json");

        // Then the alert fails the run with exit code 5 and the report names the drifted features
        Assert.Equal(5, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("data_drift").GetProperty("drifted").GetBoolean());
        var features = json.RootElement.GetProperty("data_drift").GetProperty("features").EnumerateArray().ToDictionary(f
            => f.GetProperty("feature").GetString()!);
        Assert.Equal("ks", features["credit_amount"].GetProperty("stattest").GetString());
        Assert.Equal("drifted", features["credit_amount"].GetProperty("status").GetString());
        Assert.Equal("chisquare", features["checking_status"].GetProperty("stattest").GetString());
        Assert.Equal("drifted", json.RootElement.GetProperty("prediction_drift").GetProperty("status").GetString());
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(workspace.Root, "report.html")), StringComparison.Ordinal);
        Assert.Contains("| credit_amount | numeric | ks |", await File.ReadAllTextAsync(Path.Combine(workspace.Root, "report.md")),
            StringComparison.Ordinal);

        // And the DatasetDriftDetected event reached the webhook exactly once (by id), signed, after the two refusals
        var drift = receiver.Accepted.Where(a => a.Body.Contains("DatasetDriftDetected", StringComparison.Ordinal)).ToList();
        var delivered = Assert.Single(drift);
        Assert.StartsWith("sha256=", delivered.Signature, StringComparison.Ordinal);
        using var cloudEvent = JsonDocument.Parse(delivered.Body);
        Assert.Equal(delivered.Id, cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.True(cloudEvent.RootElement.GetProperty("data").GetProperty("driftCoefficient").GetDouble() >= 0.5);
        Assert.Equal("2025-03-04T10:00:00.000Z", cloudEvent.RootElement.GetProperty("data").GetProperty("startTime").GetString());

        // And a flush finds nothing left to send; the outbox lists the event
        var flush = await RunAsync(workspace, "events", "flush");
        Assert.Equal(0, flush.ExitCode);
        Assert.Contains("0 pending", flush.Output, StringComparison.Ordinal);
        Assert.Single(receiver.Accepted, a => a.Id == delivered.Id);
        var list = await workspace.RunAsync("events", "list");
        Assert.Contains(delivered.Id, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_alert_once_When_the_served_sample_endpoint_receives_shifted_traffic()
    {
        // Given the sample credit endpoint served for real (Kestrel on 127.0.0.1) with a freshly trained model,
        // and a webhook that answers 503 twice
        using var receiver = new WebhookReceiver(failures: 2);
        using var workspace = CreditWorkspace(receiver.Url);
        var repo = RepositoryRoot.Path;
        foreach (var file in new[] { "endpoint.yml", "blue.yml", "green.yml" })
        {
            workspace.Write($"endpoints/credit/{file}", File.ReadAllText(Path.Combine(repo, "endpoints", "credit", file)));
        }

        var train = await RunAsync(workspace, "train", "--data", "data/credit/credit.csv", "--label", "class", "--task", "binary", "--trainer",
            "fasttree", "--param", "number_of_trees=10", "--out", "model");
        Assert.Equal(0, train.ExitCode);
        using var keys = JsonDocument.Parse((await RunAsync(workspace, "endpoint", "keys", "endpoints/credit", "--output", "json")).Output);
        var key = keys.RootElement.GetProperty("primaryKey").GetString();
        await using var serve = await CliServe.StartAsync(workspace.Root,
            ["serve", "endpoints/credit", "--port", "0", "--no-watch", "--model", "blue=model", "--model", "green=model"]);

        // When 400 shifted rows are scored over HTTP and the server stops gracefully (flushing what it collected)
        using (var client = new HttpClient { BaseAddress = new Uri(serve.Address) })
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            var (columns, rows, _) = Credit(workspace.Root);
            await ScoredTraffic.PostAsync(client, columns, rows.Take(400).Select(r => Shift(columns, r)));
        }

        Assert.Equal(0, await serve.StopAsync());

        // Then monitoring what the endpoint collected raises the drift alert and delivers it exactly once
        var now = DateTimeOffset.UtcNow;
        var run = await RunAsync(workspace, "monitor", "endpoints/credit", "--from", now.AddHours(-1).ToString("O",
            CultureInfo.InvariantCulture), "--to", now.AddHours(1).ToString("O", CultureInfo.InvariantCulture), "-o", "json");
        Assert.True(run.ExitCode == 5, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("data_drift").GetProperty("drifted").GetBoolean());
        Assert.Single(receiver.Accepted, a => a.Body.Contains("DatasetDriftDetected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_report_no_drift_When_traffic_looks_like_the_training_data()
    {
        // Given traffic drawn from the training data itself, with perfect predictions written as the served binary model
        // writes them: PredictedLabel true/false, not the label's good/bad (issue 18: every such window alerted)
        using var workspace = CreditWorkspace(webhook: null);
        var (columns, rows, labels) = Credit(workspace.Root);
        CollectedFiles.Write(workspace.Root, columns, rows.Where((_, i) => i % 2 == 0).ToList(), labels.Where((_, i) => i % 2 == 0)
            .Select(l => l == "good" ? "true" : "false").ToList(), Hour.AddMinutes(1));

        // When monitored
        var run = await workspace.RunAsync("monitor", "endpoints/credit", "--from", "2025-03-04T10:00:00Z", "--to", "2025-03-04T11:00:00Z", "-o",
            "json", "--no-events");

        // Then nothing alerts: no dataset drift, the predictions compare as good/bad with the label, and quality is clean
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("data_drift").GetProperty("drifted").GetBoolean());
        Assert.Equal("stable", json.RootElement.GetProperty("prediction_drift").GetProperty("status").GetString());
        Assert.All(json.RootElement.GetProperty("data_quality").EnumerateArray(), q => Assert.Equal(0, q.GetProperty("violations").GetArrayLength()));
    }

    [Fact]
    public async Task Should_print_a_short_summary_and_the_report_paths_When_the_output_is_text()
    {
        // Given training-distribution traffic (issue 18: the console got ~70 lines of Markdown)
        using var workspace = CreditWorkspace(webhook: null);
        var (columns, rows, labels) = Credit(workspace.Root);
        CollectedFiles.Write(workspace.Root, columns, rows.Take(300).ToList(), labels.Take(300).Select(l => l == "good" ? "true" : "false").ToList(),
            Hour.AddMinutes(1));

        // When monitored with reports and text output
        var run = await workspace.RunAsync("monitor", "endpoints/credit", "--from", "2025-03-04T10:00:00Z", "--to", "2025-03-04T11:00:00Z",
            "--report-html", "out/report.html", "--report-md", "out/report.md", "--no-events");

        // Then a few lines say what happened and where the reports are; the Markdown is in its file only
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length <= 10, run.Output);
        Assert.Contains("No alert.", lines);
        Assert.Contains($"Report: {Path.Combine(workspace.Root, "out", "report.html")}", lines);
        Assert.DoesNotContain("|", run.Output, StringComparison.Ordinal);
        Assert.Contains("| feature |", File.ReadAllText(Path.Combine(workspace.Root, "out", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_not_enough_data_When_only_a_few_rows_were_collected()
    {
        using var workspace = CreditWorkspace(webhook: null);
        var (columns, rows, labels) = Credit(workspace.Root);
        CollectedFiles.Write(workspace.Root, columns, rows.Take(5).Select(r => Shift(columns, r)).ToList(), labels.Take(5).ToList(),
            Hour.AddMinutes(1));

        var run = await workspace.RunAsync("monitor", "endpoints/credit", "--from", "2025-03-04T10:00:00Z", "--to", "2025-03-04T11:00:00Z", "-o",
            "json", "--no-events");

        using var json = JsonDocument.Parse(run.Output);
        Assert.All(json.RootElement.GetProperty("data_drift").GetProperty("features").EnumerateArray(), f => Assert.Equal("not_enough_data",
            f.GetProperty("status").GetString()));
        Assert.False(json.RootElement.GetProperty("data_drift").GetProperty("drifted").GetBoolean());
    }

    private static Task<CliRun> RunAsync(TempWorkspace workspace, params string[] args) =>
        CliRunner.RunAsync(workspace.Root, args, new Dictionary<string, string> { ["REPOML_WEBHOOK_SECRET"] = "test-secret" });

    internal static TempWorkspace CreditWorkspace(string? webhook)
    {
        var repo = RepositoryRoot.Path;
        var workspace = new TempWorkspace()
            .Write("data/credit.yml", File.ReadAllText(Path.Combine(repo, "data", "credit.yml")))
            .Write("data/credit/credit.csv", File.ReadAllText(Path.Combine(repo, "data", "credit", "credit.csv")))
            .Write("endpoints/credit/monitor.yml", File.ReadAllText(Path.Combine(repo, "endpoints", "credit", "monitor.yml")));
        if (webhook is not null)
        {
            workspace.Write("events.yml", $"""
                $schema: https://repoml.dev/schemas/events.schema.json
                delivery:
                  max_attempts: 4
                  initial_backoff_ms: 10
                  max_backoff_ms: 50
                sinks:
                  - name: ops
                    type: webhook
                    url: {webhook}
                    secret_env: REPOML_WEBHOOK_SECRET
                """);
        }

        return workspace;
    }

    internal static (IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, IReadOnlyList<string> Labels) Credit(string root)
    {
        var lines = File.ReadAllLines(Path.Combine(root, "data", "credit", "credit.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(r => r.Length == header.Length).ToList();
        var label = Array.IndexOf(header, "class");
        return ([.. header.Where((_, i) => i != label)], [.. rows.Select(r => r.Where((_, i) => i != label).ToArray())], [.. rows.Select(r
            => r[label])]);
    }

    // Larger loans, longer durations, older applicants, and everyone without a checking account.
    internal static string[] Shift(IReadOnlyList<string> columns, string[] row)
    {
        var shifted = (string[])row.Clone();
        string Scale(string name, double factor, double add) => (double.Parse(row[columns.ToList().IndexOf(name)],
            CultureInfo.InvariantCulture) * factor + add).ToString(CultureInfo.InvariantCulture);
        shifted[columns.ToList().IndexOf("credit_amount")] = Scale("credit_amount", 2.5, 1000);
        shifted[columns.ToList().IndexOf("duration")] = Scale("duration", 1.5, 12);
        shifted[columns.ToList().IndexOf("age")] = Scale("age", 1, 15);
        shifted[columns.ToList().IndexOf("checking_status")] = "no checking";
        shifted[columns.ToList().IndexOf("installment_commitment")] = "4";
        shifted[columns.ToList().IndexOf("residence_since")] = "4";
        shifted[columns.ToList().IndexOf("existing_credits")] = "1";
        shifted[columns.ToList().IndexOf("savings_status")] = "<100";
        shifted[columns.ToList().IndexOf("employment")] = "unemployed";
        shifted[columns.ToList().IndexOf("housing")] = "rent";
        shifted[columns.ToList().IndexOf("property_magnitude")] = "no known property";
        return shifted;
    }
}
