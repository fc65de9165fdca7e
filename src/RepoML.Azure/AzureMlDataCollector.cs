namespace RepoML.Azure;

/// <summary>A deployment's <c>data_collector</c> as the REST <c>DataCollector</c> (defined from api-version 2024-10-01 on).</summary>
public static class AzureMlDataCollector
{
    public static JsonObject Body(YamlMapping collector)
    {
        var sampling = collector["sampling_rate"] is YamlScalar s && s.TryGetDouble(out var rate) ? rate : (double?)null;
        var collections = new JsonObject();
        foreach (var entry in collector.GetMapping("collections")?.Entries ?? [])
        {
            var map = entry.Value as YamlMapping ?? throw new AzureMlSpecException(entry.Value, $"collection '{entry.Key.Value}' must be a mapping");
            var enabled = map["enabled"] is YamlScalar flag && (flag.TryGetBoolean(out var b) ? b : bool.TryParse(flag.Value, out var parsed) && parsed);
            var collection = new JsonObject { ["dataCollectionMode"] = enabled ? "Enabled" : "Disabled" };
            AzureMlJobFields.Copy(map, collection, "client_id", "clientId");
            if (sampling is { } value)
            {
                collection["samplingRate"] = value;
            }

            collections[entry.Key.Value] = collection;
        }

        var body = new JsonObject { ["collections"] = collections };
        if (collector.GetMapping("request_logging")?.GetSequence("capture_headers") is { } headers)
        {
            var captured = new JsonArray([.. headers.Items.Select(h => (JsonNode?)((h as YamlScalar)?.Value ?? ""))]);
            body["requestLogging"] = new JsonObject { ["captureHeaders"] = captured };
        }

        var rolling = (collector.GetString("rolling_rate") ?? "hour").ToLowerInvariant();
        body["rollingRate"] = rolling switch
        {
            "year" or "month" or "day" or "hour" or "minute" => char.ToUpperInvariant(rolling[0]) + rolling[1..],
            _ => throw new AzureMlSpecException(collector["rolling_rate"], $"rolling_rate '{rolling}' is not year, month, day, hour or minute"),
        };
        return body;
    }
}
