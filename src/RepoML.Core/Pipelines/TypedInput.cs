namespace RepoML.Core.Pipelines;

/// <summary>
/// Checks a literal bound to a component input against its declared type (<c>integer</c>, <c>number</c>,
/// <c>boolean</c>, <c>string</c> with <c>enum</c>) and its <c>min</c>/<c>max</c>, before any job starts.
/// </summary>
public static class TypedInput
{
    /// <summary>Returns what is wrong with <paramref name="value"/> for the declared port, or null when it fits.</summary>
    public static string? Problem(YamlMapping port, string value)
    {
        var type = port.GetString("type")?.ToLowerInvariant();
        double? number = null;
        switch (type)
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return $"'{value}' is not an integer";
                }

                number = whole;
                break;
            case "number":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || !double.IsFinite(real))
                {
                    return $"'{value}' is not a number";
                }

                number = real;
                break;
            case "boolean":
                return value.ToLowerInvariant() is "true" or "false" ? null : $"'{value}' is not true or false";
        }

        if (number is { } n && Bound(port, "min") is { } min && n < min)
        {
            return $"{value} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}";
        }

        if (number is { } m && Bound(port, "max") is { } max && m > max)
        {
            return $"{value} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}";
        }

        var allowed = port.GetSequence("enum")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToList();
        return allowed is { Count: > 0 } && !allowed.Contains(value, StringComparer.Ordinal)
            ? $"'{value}' is not one of {string.Join(", ", allowed)}"
            : null;
    }

    private static double? Bound(YamlMapping port, string key) =>
        double.TryParse(port.GetString(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) ? bound : null;
}
