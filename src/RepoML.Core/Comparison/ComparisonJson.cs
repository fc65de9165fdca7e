namespace RepoML.Core.Comparison;

/// <summary>
/// The machine form of a comparison (<c>repoml compare --output json</c>), an interface other tools rely on:
/// <c>{"verdict":"pass|fail|no-baseline","metrics":{NAME:{"candidate":x,"baseline":y,"delta":d,"ci95":[lo,hi]}},"gates":[…],…}</c>.
/// Undefined numbers (NaN) and absent baseline values are <c>null</c>.
/// </summary>
public static class ComparisonJson
{
    public static string Write(ComparisonReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("verdict", report.Verdict);
            w.WriteString("model", report.Model);
            w.WriteString("task", ReportFormat.Task(report.Task));
            w.WriteString("primary_metric", report.PrimaryMetric);
            w.WriteString("data", report.Data);
            w.WriteNumber("rows", report.Rows);
            w.WriteStartObject("metrics");
            foreach (var m in report.Metrics)
            {
                w.WriteStartObject(m.Name);
                Number(w, "candidate", m.Candidate);
                Number(w, "baseline", m.Baseline);
                Number(w, "delta", m.Delta);
                if (m.Ci95 is { } ci)
                {
                    w.WriteStartArray("ci95");
                    w.WriteNumberValue(ci.Low);
                    w.WriteNumberValue(ci.High);
                    w.WriteEndArray();
                }
                else
                {
                    w.WriteNull("ci95");
                }

                w.WriteBoolean("greater_is_better", m.GreaterIsBetter);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("gates");
            foreach (var g in report.Gates)
            {
                w.WriteStartObject();
                w.WriteString("metric", g.Metric);
                w.WriteString("rule", g.Rule);
                w.WriteNumber("limit", g.Limit);
                Number(w, "value", g.Value);
                w.WriteString("status", ReportFormat.Status(g.Status));
                w.WriteString("message", g.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Model(w, "candidate", report.Candidate);
            Model(w, "baseline", report.Baseline);
            Agreement(w, report.Agreement);
            w.WriteStartArray("importance");
            foreach (var i in report.Importance)
            {
                w.WriteStartObject();
                w.WriteString("feature", i.Feature);
                Number(w, "mean", i.Mean);
                Number(w, "std", i.StandardDeviation);
                Number(w, "baseline_mean", i.BaselineMean);
                Number(w, "change", i.Change);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("bootstrap");
            w.WriteNumber("resamples", report.Resamples);
            w.WriteNumber("seed", report.Seed);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Model(Utf8JsonWriter w, string name, ModelSummary? model)
    {
        if (model is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("source", model.Source);
        w.WriteNumber("size_bytes", model.SizeBytes);
        Number(w, "latency_us_per_row", model.LatencyMicrosecondsPerRow);
        w.WriteEndObject();
    }

    private static void Agreement(Utf8JsonWriter w, AgreementSummary? agreement)
    {
        if (agreement is null)
        {
            w.WriteNull("agreement");
            return;
        }

        w.WriteStartObject("agreement");
        Number(w, "rate", agreement.Rate);
        w.WriteNumber("disagreeing_rows", agreement.Disagreeing);
        Number(w, "mean_gap", agreement.MeanGap);
        Number(w, "tolerance", agreement.Tolerance);
        w.WriteStartArray("top_rows");
        foreach (var d in agreement.TopRows)
        {
            w.WriteStartObject();
            w.WriteNumber("row", d.Row);
            w.WriteString("actual", d.Actual);
            w.WriteString("candidate", d.Candidate);
            w.WriteString("baseline", d.Baseline);
            Number(w, "gap", d.Gap);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
