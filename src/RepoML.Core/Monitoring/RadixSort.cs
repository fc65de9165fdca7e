namespace RepoML.Core.Monitoring;

/// <summary>
/// LSD radix sort of doubles (IEEE bits mapped to order-preserving unsigned keys, 4 passes of 16 bits): several times
/// faster than a comparison sort on a million values, which keeps drift over large windows inside its time budget.
/// </summary>
public static class RadixSort
{
    private const int SmallArray = 4096;

    /// <summary>Sorts <paramref name="values"/> ascending in place; −0.0 sorts before +0.0. No NaN expected.</summary>
    public static void Sort(double[] values)
    {
        if (values.Length <= SmallArray)
        {
            Array.Sort(values);
            return;
        }

        var keys = new ulong[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var bits = (ulong)BitConverter.DoubleToInt64Bits(values[i]);
            keys[i] = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        }

        var buffer = new ulong[keys.Length];
        var counts = new int[65536];
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(counts);
            foreach (var k in keys) { counts[(int)((k >> shift) & 0xFFFF)]++; }
            if (counts[(int)((keys[0] >> shift) & 0xFFFF)] == keys.Length)
            {
                continue; // every key has the same digit: this pass would not move anything
            }

            var total = 0;
            for (var d = 0; d < counts.Length; d++) { (counts[d], total) = (total, total + counts[d]); }
            foreach (var k in keys) { buffer[counts[(int)((k >> shift) & 0xFFFF)]++] = k; }
            (keys, buffer) = (buffer, keys);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var k = keys[i];
            var bits = (k & 0x8000_0000_0000_0000UL) != 0 ? k & 0x7FFF_FFFF_FFFF_FFFFUL : ~k;
            values[i] = BitConverter.Int64BitsToDouble((long)bits);
        }
    }
}
