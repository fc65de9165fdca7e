namespace RepoML.Core.Yaml;

/// <summary>A scalar. Plain scalars may be nulls, booleans or numbers; quoted ones are always strings.</summary>
public sealed class YamlScalar(SourceSpan span, string value, bool isPlain) : YamlNode(span)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    internal override long Weight => 1;

    public override string KindName => IsNull ? "null" : IsBoolean ? "boolean" : IsNumber ? "number" : "string";

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>YAML 1.1 booleans, as PyYAML (and so the Azure ML CLI) reads them.</summary>
    public bool IsBoolean => TryGetBoolean(out _);

    public bool IsNumber => TryGetDouble(out _);

    public bool TryGetBoolean(out bool value)
    {
        value = false;
        if (!IsPlain)
        {
            return false;
        }

        switch (Value.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                value = true;
                return true;
            case "false" or "no" or "off":
                return true;
            default:
                return false;
        }
    }

    public bool TryGetInteger(out long value)
    {
        value = 0;
        if (!IsPlain)
        {
            return false;
        }

        var text = Value.Replace("_", "", StringComparison.Ordinal);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (!IsPlain)
        {
            return false;
        }

        if (TryGetInteger(out var integer))
        {
            value = integer;
            return true;
        }

        var text = Value.Replace("_", "", StringComparison.Ordinal);
        switch (text.ToLowerInvariant())
        {
            case ".inf" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf":
                value = double.NegativeInfinity;
                return true;
            case ".nan":
                value = double.NaN;
                return true;
        }

        return text.Length > 0 && (char.IsDigit(text[^1]) || text[^1] == '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public override string ToString() => Value;
}
