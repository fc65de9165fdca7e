namespace RepoML.Core.Sweeps;

/// <summary>
/// Azure ML's search-space expressions and their parameters, in the order the REST API takes them as positional
/// arguments (<c>["uniform", [min_value, max_value]]</c>): what local sweeps read and what cloud sweeps send.
/// </summary>
public static class SearchSpaceExpressions
{
    public static IReadOnlyDictionary<string, string[]> Parameters { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["choice"] = ["values"],
        ["randint"] = ["upper"],
        ["uniform"] = ["min_value", "max_value"],
        ["loguniform"] = ["min_value", "max_value"],
        ["quniform"] = ["min_value", "max_value", "q"],
        ["qloguniform"] = ["min_value", "max_value", "q"],
        ["normal"] = ["mu", "sigma"],
        ["lognormal"] = ["mu", "sigma"],
        ["qnormal"] = ["mu", "sigma", "q"],
        ["qlognormal"] = ["mu", "sigma", "q"],
    };
}
