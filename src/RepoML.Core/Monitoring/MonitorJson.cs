namespace RepoML.Core.Monitoring;

/// <summary>The documented machine form of a monitor run (snake_case; NaN written as null).</summary>
public static class MonitorJson
{
    public static JsonObject Write(MonitorReport r) => new()
    {
        ["monitor"] = r.Spec.Name,
        ["endpoint"] = r.Endpoint,
        ["baseline"] = r.BaselineName,
        ["window"] = new JsonObject { ["from"] = r.From.UtcDateTime.ToString("O"), ["to"] = r.To.UtcDateTime.ToString("O") },
        ["rows"] = new JsonObject { ["baseline"] = r.BaselineRows, ["current"] = r.CurrentRows },
        ["alert"] = r.Alerts.Count > 0,
        ["alerts"] = new JsonArray([.. r.Alerts.Select(a => (JsonNode)new JsonObject { ["signal"] = a.Signal, ["message"] = a.Message })]),
        ["data_drift"] = r.DataDrift is not { } d ? null : new JsonObject
        {
            ["drifted"] = d.Drifted,
            ["share"] = d.Share,
            ["drift_share_threshold"] = d.DriftShareThreshold,
            ["drifted_features"] = d.DriftedCount,
            ["judged_features"] = d.Judged,
            ["features"] = new JsonArray([.. d.Features.Select(f => (JsonNode)Feature(f))]),
        },
        ["prediction_drift"] = r.PredictionDrift is { } p ? Feature(p) : null,
        ["data_quality"] = new JsonArray([.. r.DataQuality.Select(q => (JsonNode)new JsonObject
        {
            ["feature"] = q.Feature,
            ["null_value_rate"] = q.NullValueRate,
            ["baseline_null_value_rate"] = q.BaselineNullValueRate,
            ["data_type_error_rate"] = q.DataTypeErrorRate,
            ["out_of_bounds_rate"] = q.OutOfBoundsRate,
            ["min"] = q.Minimum,
            ["max"] = q.Maximum,
            ["unseen"] = new JsonArray([.. q.Unseen.Select(u => (JsonNode)u)]),
            ["violations"] = new JsonArray([.. q.Violations.Select(v => (JsonNode)v)]),
        })]),
        ["feature_attribution_drift"] = r.Attribution is not { } a ? null : new JsonObject
        {
            ["ndcg"] = Number(a.Ndcg),
            ["threshold"] = a.Threshold,
            ["drifted"] = a.Drifted,
            ["baseline"] = new JsonObject(a.Baseline.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["production"] = new JsonObject(a.Production.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        },
        ["infrastructure"] = new JsonArray([.. r.Infrastructure.Select(h => (JsonNode)new JsonObject
        {
            ["deployment"] = h.Deployment,
            ["requests"] = h.Requests,
            ["errors"] = h.Errors,
            ["error_rate"] = h.ErrorRate,
            ["latency_p95_ms"] = h.LatencyP95Ms,
            ["in_flight"] = h.InFlight,
            ["saturation"] = h.Saturation,
            ["violations"] = new JsonArray([.. h.Violations.Select(v => (JsonNode)v)]),
        })]),
        ["infrastructure_error"] = r.InfrastructureError,
        ["notes"] = new JsonArray([.. r.Notes.Select(n => (JsonNode)n)]),
    };

    private static JsonObject Feature(FeatureDrift f) => new()
    {
        ["feature"] = f.Feature,
        ["kind"] = f.Kind.ToString().ToLowerInvariant(),
        ["stattest"] = StatTests.Name(f.Test),
        ["value"] = Number(f.Value),
        ["threshold"] = f.Threshold,
        ["status"] = f.Status switch { DriftStatus.Drifted => "drifted", DriftStatus.Stable => "stable", _ => "not_enough_data" },
        ["psi"] = Number(f.Psi),
        ["reference_rows"] = f.ReferenceRows,
        ["current_rows"] = f.CurrentRows,
    };

    private static double? Number(double value) => double.IsFinite(value) ? value : null;
}
