using RepoML.Core.Sweeps;

namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// A sweep's <c>search_space</c> and <c>sampling_algorithm</c> as Azure ML's sweep schemas read them: every parameter is an
/// expression whose <c>type</c> (choice, uniform, randint, …) fixes its required fields, and the sampling algorithm is a name or
/// a <c>{type, …}</c> mapping. What a local run cannot honour (Bayesian sampling, nested choices) is valid here; the local
/// planner (<c>SweepJobReader</c>) reports it only when the sweep is run.
/// </summary>
public static class SearchSpaceSchema
{
    private static ObjectSchema Expression(string type, IEnumerable<string> parameters) => new($"{type} parameter",
    [
        new("type", new EnumSchema(type), Required: true),
        .. parameters.Select(p => new FieldSchema(p, p switch
        {
            "values" => new ListSchema(AnySchema.Instance),
            "upper" => new IntegerSchema(),
            _ => new NumberSchema(),
        }, Required: true)),
    ]);

    /// <summary>One search-space parameter, typed by its expression.</summary>
    public static DiscriminatedSchema Parameter { get; } = new("search space parameter", "type",
        SearchSpaceExpressions.Parameters.ToDictionary(p => p.Key, p => Expression(p.Key, p.Value), StringComparer.Ordinal),
        DefaultCase: null);

    public static MapSchema Schema { get; } = new(Parameter);

    private static readonly Dictionary<string, ObjectSchema> Algorithms = new(StringComparer.Ordinal)
    {
        ["random"] = new("random sampling",
        [
            new("type", new EnumSchema("random"), Required: true),
            new("seed", new IntegerSchema()),
            new("rule", new EnumSchema("random", "sobol"), Default: "random"),
            new("logbase", new OneOfSchema(new NumberSchema(), new StringSchema())),
        ]),
        ["grid"] = new("grid sampling", [new("type", new EnumSchema("grid"), Required: true)]),
        ["bayesian"] = new("bayesian sampling", [new("type", new EnumSchema("bayesian"), Required: true)]),
    };

    /// <summary><c>sampling_algorithm</c>: <c>random</c>, <c>grid</c> or <c>bayesian</c>, or a mapping with that <c>type</c>.</summary>
    public static OneOfSchema SamplingAlgorithm { get; } = new(
        new EnumSchema([.. Algorithms.Keys]),
        new DiscriminatedSchema("sampling_algorithm", "type", Algorithms, DefaultCase: null));
}
