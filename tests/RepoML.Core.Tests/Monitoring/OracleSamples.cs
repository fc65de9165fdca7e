namespace RepoML.Core.Tests.Monitoring;

/// <summary>Deterministic samples rebuilt identically in the Python oracle script (integer arithmetic, one division).</summary>
internal static class OracleSamples
{
    // Python: np.array([((i*mul) % mod)/div + off for i in range(n)])
    public static double[] A(int n, long mul, long mod, double div, double off = 0) =>
        [.. Enumerable.Range(0, n).Select(i => ((i * mul) % mod / div) + off)];

    // Python: np.array([((i*mul + 13) % mod)/div + off for i in range(n)])
    public static double[] B(int n, long mul, long mod, double div, double off = 0) =>
        [.. Enumerable.Range(0, n).Select(i => (((i * mul) + 13) % mod / div) + off)];

    public static double[] Sorted(double[] values)
    {
        var copy = (double[])values.Clone();
        Array.Sort(copy);
        return copy;
    }
}
