namespace RepoML.Core.Schema;

/// <summary>Checks a YAML tree against a <see cref="ValueSchema"/>, reporting each problem at the node it concerns.</summary>
public static partial class SchemaValidator
{
    public static void Validate(YamlNode node, ValueSchema schema, ICollection<Diagnostic> diagnostics) =>
        Check(node, schema, "", diagnostics);

    /// <summary>True for a <c>{{VAR}}</c> placeholder that a script was meant to substitute (not a <c>${{binding}}</c>).</summary>
    public static bool IsTemplatePlaceholder(string value) => TemplatePattern().IsMatch(value);

    /// <summary>True for a <c>${{...}}</c> binding, which stands in for a literal of any type.</summary>
    public static bool IsBinding(string value) => value.Contains("${{", StringComparison.Ordinal);

    private static void Check(YamlNode node, ValueSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is YamlScalar scalar)
        {
            if (IsTemplatePlaceholder(scalar.Value))
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.TemplatePlaceholder, scalar.Span,
                    $"'{Name(path)}' holds the placeholder '{scalar.Value}'; substitute it before validating"));
                return;
            }

            if (IsBinding(scalar.Value) && schema is not (ObjectSchema or DiscriminatedSchema or ListSchema or MapSchema))
            {
                return;
            }
        }

        switch (schema)
        {
            case AnySchema:
                return;
            case StringSchema s:
                CheckString(node, s, path, diagnostics);
                return;
            case IntegerSchema i:
                CheckInteger(node, i, path, diagnostics);
                return;
            case NumberSchema n:
                CheckNumber(node, n, path, diagnostics);
                return;
            case BooleanSchema:
                if (node is not YamlScalar b || !IsBooleanLike(b))
                {
                    WrongType(node, schema, path, diagnostics);
                }

                return;
            case EnumSchema e:
                CheckEnum(node, e, path, diagnostics);
                return;
            case ListSchema l:
                if (node is not YamlSequence sequence)
                {
                    WrongType(node, schema, path, diagnostics);
                    return;
                }

                for (var index = 0; index < sequence.Items.Count; index++)
                {
                    Check(sequence.Items[index], l.Items, $"{path}[{index}]", diagnostics);
                }

                return;
            case MapSchema m:
                if (node is not YamlMapping map)
                {
                    WrongType(node, schema, path, diagnostics);
                    return;
                }

                foreach (var entry in map.Entries.Where(e => e.Value is not YamlScalar { IsNull: true }))
                {
                    // A null entry (`outputs: {model: }`, `tags: {team: }`) means "declared, nothing set", as in Azure ML.
                    Check(entry.Value, m.Values, Join(path, entry.Key.Value), diagnostics);
                }

                return;
            case ObjectSchema o:
                CheckObject(node, o, path, diagnostics);
                return;
            case DiscriminatedSchema d:
                CheckDiscriminated(node, d, path, diagnostics);
                return;
            case OneOfSchema u:
                CheckOneOf(node, u, path, diagnostics);
                return;
        }
    }

    private static void CheckString(YamlNode node, StringSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        if (schema.Pattern is not null && !Regex.IsMatch(scalar.Value, schema.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            diagnostics.Add(Diagnostic.At(schema.IsName ? DiagnosticIds.InvalidName : DiagnosticIds.InvalidFormat, scalar.Span,
                $"'{Name(path)}' must be {schema.Describe()}, not '{Naming.NameGate.Printable(scalar.Value)}'"));
        }
    }

    private static void CheckInteger(YamlNode node, IntegerSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlScalar scalar || !(scalar.TryGetInteger(out var value) || TryQuotedInteger(scalar, out value)))
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        if (value < schema.Min || value > schema.Max)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.OutOfRange, scalar.Span, $"'{Name(path)}' must be {schema.Describe()}, not {value}"));
        }
    }

    private static bool TryQuotedInteger(YamlScalar scalar, out long value) =>
        long.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);

    // Azure ML's marshmallow fields read numbers and booleans from quoted text too ("0.5", "true").
    private static bool TryQuotedNumber(YamlScalar scalar, out double value) =>
        double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);

    private static bool IsIntegerLike(YamlScalar scalar) => scalar.TryGetInteger(out _) || TryQuotedInteger(scalar, out _);

    private static bool IsNumberLike(YamlScalar scalar) => scalar.IsNumber || TryQuotedNumber(scalar, out _);

    private static bool IsBooleanLike(YamlScalar scalar) =>
        scalar.IsBoolean || (!scalar.IsPlain && scalar.Value.ToLowerInvariant() is "true" or "false");

    private static void CheckNumber(YamlNode node, NumberSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlScalar scalar || !(scalar.TryGetDouble(out var value) || TryQuotedNumber(scalar, out value)))
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        if (value < schema.Min || value > schema.Max || double.IsNaN(value))
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.OutOfRange, scalar.Span, $"'{Name(path)}' must be {schema.Describe()}, not {scalar.Value}"));
        }
    }

    private static void CheckEnum(YamlNode node, EnumSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        if (schema.Values.Any(v => string.Equals(v, scalar.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var suggestion = StringDistance.Closest(scalar.Value, schema.Values);
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, scalar.Span,
            $"'{Name(path)}' must be {schema.Describe()}, not '{Naming.NameGate.Printable(scalar.Value)}'{hint}"));
    }

    private static void CheckObject(YamlNode node, ObjectSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlMapping map)
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        foreach (var entry in map.Entries)
        {
            var field = schema.Field(entry.Key.Value);
            if (field is null)
            {
                if (!schema.AllowUnknown)
                {
                    ReportUnknownField(entry.Key, schema, path, diagnostics);
                }

                continue;
            }

            if (entry.Value is YamlScalar { IsNull: true })
            {
                continue; // Azure ML treats an explicit null like an absent field; a required one is reported below, once.
            }

            Check(entry.Value, field.Schema, Join(path, field.Name), diagnostics);
        }

        foreach (var field in schema.Fields.Where(f => f.Required && map[f.Name] is null or YamlScalar { IsNull: true }))
        {
            var message = field.CliFlag is null
                ? $"{schema.Name} requires '{Join(path, field.Name)}'"
                : $"{schema.Name} has no '{Join(path, field.Name)}'; az ml must then be given {field.CliFlag}";
            diagnostics.Add(Diagnostic.At(field.CliFlag is null ? DiagnosticIds.RequiredField : DiagnosticIds.MissingByCliFlag, map.Span, message));
        }
    }

    private static void ReportUnknownField(YamlScalar key, ObjectSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        var suggestion = StringDistance.Closest(key.Value, schema.Fields.Select(f => f.Name));
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        diagnostics.Add(Diagnostic.At(DiagnosticIds.UnknownField, key.Span, $"unknown field '{Join(path, key.Value)}' in {schema.Name}{hint}"));
    }

    private static void CheckDiscriminated(YamlNode node, DiscriminatedSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        if (node is not YamlMapping map)
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        var discriminator = map.GetString(schema.Discriminator) ?? schema.DefaultCase;
        if (discriminator is null)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, map.Span,
                $"{schema.Name} requires '{Join(path, schema.Discriminator)}' ({string.Join(", ", schema.Cases.Keys)})"));
            return;
        }

        var match = schema.Cases.FirstOrDefault(c => string.Equals(c.Key, discriminator, StringComparison.OrdinalIgnoreCase));
        if (match.Value is null)
        {
            var at = map[schema.Discriminator]?.Span ?? map.Span;
            var suggestion = StringDistance.Closest(discriminator, schema.Cases.Keys);
            var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
            diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, at,
                $"'{Join(path, schema.Discriminator)}' must be one of {string.Join(", ", schema.Cases.Keys)}, not '{discriminator}'{hint}"));
            return;
        }

        CheckObject(map, match.Value, path, diagnostics);
    }

    private static void CheckOneOf(YamlNode node, OneOfSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        var candidates = schema.Options.Where(o => Fits(node, o)).ToList();
        if (candidates.Count == 0)
        {
            WrongType(node, schema, path, diagnostics);
            return;
        }

        List<Diagnostic>? firstErrors = null;
        foreach (var candidate in candidates)
        {
            var errors = new List<Diagnostic>();
            Check(node, candidate, path, errors);
            if (errors.Count == 0)
            {
                return;
            }

            firstErrors ??= errors;
        }

        foreach (var error in firstErrors!)
        {
            diagnostics.Add(error);
        }
    }

    private static bool Fits(YamlNode node, ValueSchema schema) => (node, schema) switch
    {
        (_, AnySchema) => true,
        (YamlMapping, ObjectSchema or MapSchema or DiscriminatedSchema) => true,
        (YamlSequence, ListSchema) => true,
        (YamlScalar s, IntegerSchema) => IsIntegerLike(s) || IsBinding(s.Value),
        (YamlScalar s, NumberSchema) => IsNumberLike(s) || IsBinding(s.Value),
        (YamlScalar s, BooleanSchema) => IsBooleanLike(s) || IsBinding(s.Value),
        (YamlScalar, StringSchema or EnumSchema) => true,
        (YamlScalar s, OneOfSchema o) => o.Options.Any(x => Fits(s, x)),
        (_, OneOfSchema o) => o.Options.Any(x => Fits(node, x)),
        _ => false,
    };

    private static void WrongType(YamlNode node, ValueSchema schema, string path, ICollection<Diagnostic> diagnostics)
    {
        var actual = node is YamlScalar s ? $"{s.KindName} '{Truncate(s.Value)}'" : $"a {node.KindName}";
        diagnostics.Add(Diagnostic.At(DiagnosticIds.WrongType, node.Span, $"'{Name(path)}' must be {schema.Describe()}, not {actual}"));
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Name(string path) => path.Length == 0 ? "document" : path;

    [GeneratedRegex(@"(?<!\$)\{\{\s*[A-Za-z_][\w.\-]*\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex TemplatePattern();
}
