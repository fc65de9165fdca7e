namespace RepoML.Core.Monitoring;

/// <summary>Parses the Prometheus text format (version 0.0.4) that the scoring server's <c>/metrics</c> answers.</summary>
public static class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') { continue; }
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0) { continue; }
            string name;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            int rest;
            if (brace >= 0 && brace < space)
            {
                name = line[..brace];
                rest = ParseLabels(line, brace + 1, labels);
            }
            else
            {
                name = line[..space];
                rest = space;
            }

            var valueText = line[rest..].Trim().Split(' ')[0];
            if (TryValue(valueText, out var value))
            {
                samples.Add(new PrometheusSample(name, labels, value));
            }
        }

        return samples;
    }

    private static int ParseLabels(string line, int position, Dictionary<string, string> labels)
    {
        while (position < line.Length && line[position] != '}')
        {
            var equals = line.IndexOf('=', position);
            if (equals < 0) { return line.Length; }
            var key = line[position..equals].Trim().TrimStart(',').Trim();
            position = equals + 2; // skip ="
            var value = new StringBuilder();
            while (position < line.Length && line[position] != '"')
            {
                if (line[position] == '\\' && position + 1 < line.Length)
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }

                position++;
            }

            labels[key] = value.ToString();
            position++;
            while (position < line.Length && (line[position] == ',' || line[position] == ' ')) { position++; }
        }

        return Math.Min(position + 1, line.Length);
    }

    private static bool TryValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf": value = double.PositiveInfinity; return true;
            case "-Inf": value = double.NegativeInfinity; return true;
            case "NaN": value = double.NaN; return true;
            default: return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
