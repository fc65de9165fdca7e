using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace RepoML.Serving.Collection;

/// <summary>
/// Azure ML data collection, off the request path: requests post records to a bounded channel; one background writer
/// appends them as JSON Lines under <c>.repoml/collected/&lt;endpoint&gt;/&lt;deployment&gt;/&lt;collection&gt;/yyyy/MM/dd/HH/</c>.
/// Stopping the host drains and flushes everything queued.
/// </summary>
public sealed class DataCollector(ServingOptions options, ServingMetrics metrics, TimeProvider time, ILogger<DataCollector> logger) : IHostedService
{
    private const string FileName = "data.jsonl";
    private readonly Channel<CollectedRecord> channel = Channel.CreateBounded<CollectedRecord>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Dictionary<string, StreamWriter> writers = new(StringComparer.Ordinal);
    private Task? writing;

    public TimeProvider Time { get; } = time;

    /// <summary>Queues a record; waits only when 10,000 records are already queued (back-pressure rather than loss).</summary>
    public ValueTask CollectAsync(CollectedRecord record) =>
        channel.Writer.TryWrite(record) ? ValueTask.CompletedTask : channel.Writer.WriteAsync(record);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        writing = Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        channel.Writer.TryComplete();
        if (writing is not null)
        {
            await writing;
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var record))
                {
                    try
                    {
                        await Writer(record).WriteLineAsync(Format(record));
                        metrics.Collected.WithLabels(record.Deployment, record.Collection).Inc();
                    }
                    catch (Exception ex) when (ex is IOException or RepoML.Core.Naming.UnsafeNameException)
                    {
                        logger.LogError("data collection write failed: {Reason}", ex.Message);
                    }
                    catch (Exception ex)
                    {
                        // One record the writer did not expect must not end collection: the queue would fill and requests wait on it.
                        logger.LogError(ex, "data collection could not write a record of {Deployment}", record.Deployment);
                    }
                }

                // Flush when the queue is momentarily empty: bounded loss window, few syscalls under load.
                foreach (var writer in writers.Values)
                {
                    await writer.FlushAsync();
                }
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                await writer.DisposeAsync();
            }

            writers.Clear();
        }
    }

    private StreamWriter Writer(CollectedRecord record)
    {
        var folder = CollectionPaths.Folder(record.Endpoint, record.Deployment, record.Collection, record.Time, record.Rate);
        if (writers.TryGetValue(folder, out var writer))
        {
            return writer;
        }

        // A new hour (or other period) closes the previous file of the same collection.
        var prefix = string.Join('/', folder.Split('/').Take(3)) + "/";
        foreach (var stale in writers.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            writers[stale].Dispose();
            writers.Remove(stale);
        }

        var path = Path.Combine(options.CollectedFolder, folder.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(path);
        writer = new StreamWriter(new FileStream(Path.Combine(path, FileName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite),
            new UTF8Encoding(false));
        writers[folder] = writer;
        return writer;
    }

    // The shape Azure ML's collector writes: a CloudEvents-style envelope whose data is the payload.
    private static string Format(CollectedRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("source", $"/endpoints/{record.Endpoint}/deployments/{record.Deployment}");
            json.WriteString("type", $"azureml.inference.{record.Collection}");
            json.WriteString("datacontenttype", "application/json");
            json.WriteString("time", record.Time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("correlationid", record.CorrelationId);
            json.WritePropertyName("data");
            // Re-written compactly: a pretty-printed request body would otherwise span lines and break JSON Lines.
            WritePayload(json, record.Json);

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePayload(Utf8JsonWriter json, byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            document.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(Encoding.UTF8.GetString(payload)); // never lose a record, even one that is not JSON
        }
    }
}
