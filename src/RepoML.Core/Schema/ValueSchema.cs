namespace RepoML.Core.Schema;

/// <summary>
/// What a YAML value may be. Schemas are plain data so that every Azure ML kind is described
/// declaratively (see <c>Specs/Kinds</c>) and validated by one <see cref="SchemaValidator"/>.
/// </summary>
public abstract record ValueSchema
{
    /// <summary>A short description used in messages, e.g. "an integer ≥ 1".</summary>
    public abstract string Describe();
}

/// <summary>
/// Any scalar is accepted as text (Azure ML accepts numbers where it wants strings, e.g. versions).
/// A <paramref name="Pattern"/> mismatch is reported as RML0107, or as RML0106 when <paramref name="IsName"/>.
/// </summary>
public sealed record StringSchema(string? Pattern = null, string? PatternDescription = null, bool IsName = false) : ValueSchema
{
    public override string Describe() => PatternDescription ?? "a string";
}

public sealed record IntegerSchema(long? Min = null, long? Max = null) : ValueSchema
{
    public override string Describe() => (Min, Max) switch
    {
        (not null, not null) => $"an integer from {Min} to {Max}",
        (not null, null) => $"an integer ≥ {Min}",
        (null, not null) => $"an integer ≤ {Max}",
        _ => "an integer",
    };
}

public sealed record NumberSchema(double? Min = null, double? Max = null) : ValueSchema
{
    public override string Describe() => (Min, Max) switch
    {
        (not null, not null) => $"a number from {Min} to {Max}",
        (not null, null) => $"a number ≥ {Min}",
        (null, not null) => $"a number ≤ {Max}",
        _ => "a number",
    };
}

public sealed record BooleanSchema : ValueSchema
{
    public static BooleanSchema Instance { get; } = new();

    public override string Describe() => "true or false";
}

/// <summary>One of a fixed set of words; matched case-insensitively, as Azure ML does.</summary>
public sealed record EnumSchema(IReadOnlyList<string> Values) : ValueSchema
{
    public EnumSchema(params string[] values)
        : this((IReadOnlyList<string>)values)
    {
    }

    public override string Describe() => "one of " + string.Join(", ", Values);
}

/// <summary>Free-form keys (tags, inputs) whose values all follow <paramref name="Values"/>.</summary>
public sealed record MapSchema(ValueSchema Values) : ValueSchema
{
    public override string Describe() => "a mapping";
}

public sealed record ListSchema(ValueSchema Items) : ValueSchema
{
    public override string Describe() => "a list";
}

/// <summary>Anything at all: used where Azure ML passes values through untouched.</summary>
public sealed record AnySchema : ValueSchema
{
    public static AnySchema Instance { get; } = new();

    public override string Describe() => "any value";
}

/// <summary>Several shapes; the first that fits the value's shape (scalar, mapping, list) wins.</summary>
public sealed record OneOfSchema(IReadOnlyList<ValueSchema> Options) : ValueSchema
{
    public OneOfSchema(params ValueSchema[] options)
        : this((IReadOnlyList<ValueSchema>)options)
    {
    }

    public override string Describe() => string.Join(" or ", Options.Select(o => o.Describe()));
}
