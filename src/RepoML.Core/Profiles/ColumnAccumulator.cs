namespace RepoML.Core.Profiles;

/// <summary>
/// Collects one column's cells within one chunk: numbers while every value parses as one, else value counts. A column
/// that turns out to be text after some numbers is read again as text (<see cref="Flipped"/>), so nothing is lost.
/// </summary>
internal sealed class ColumnAccumulator(bool textOnly)
{
    private double[] numbers = textOnly ? [] : new double[1024];
    private Dictionary<string, long>? counts = textOnly ? new(StringComparer.Ordinal) : null;

    public long Missing { get; private set; }

    public int NumberCount { get; private set; }

    public bool Numeric { get; private set; } = !textOnly;

    /// <summary>True when text came after numbers in this chunk: the column must be read again as text.</summary>
    public bool Flipped { get; private set; }

    public ReadOnlySpan<double> Numbers => numbers.AsSpan(0, NumberCount);

    public IReadOnlyDictionary<string, long> Counts => counts ?? [];

    public void Add(ReadOnlySpan<char> cell)
    {
        var value = cell.Trim();
        // The first test keeps the per-cell cost of the common case (a value not starting with n) as low as before.
        if (value.Length == 0 || ((value[0] | 0x20) == 'n' && MissingCell.Is(value)))
        {
            Missing++;
            return;
        }

        if (Numeric)
        {
            if (FastDecimal.TryParse(value, out var number) && double.IsFinite(number))
            {
                if (NumberCount == numbers.Length)
                {
                    Array.Resize(ref numbers, numbers.Length * 2);
                }

                numbers[NumberCount++] = number;
                return;
            }

            Numeric = false;
            Flipped = NumberCount > 0;
            counts = new(StringComparer.Ordinal);
        }

        var lookup = counts!.GetAlternateLookup<ReadOnlySpan<char>>();
        lookup[value] = lookup.TryGetValue(value, out var count) ? count + 1 : 1;
    }
}
