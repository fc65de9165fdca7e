using System.Text;

namespace RepoML.Training.Data;

/// <summary>
/// Reads a CSV file's text for every reader (training, evaluation, profiles, monitor baselines): UTF-8, or UTF-16 when a byte
/// order mark says so, as before; a file that is not valid UTF-8 is read as ISO-8859-1 (Latin-1, as many older datasets are
/// saved) instead of turning each accented letter into U+FFFD, which renamed columns and merged categories (José, Josè).
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path) => Decode(File.ReadAllBytes(path));

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
