using System.Buffers;
using System.Text.Encodings.Web;
using RepoML.Core.Json;

namespace RepoML.Core.Artifacts;

/// <summary>
/// A multi-file folder as one object: the list of its files (path, size, digest), sorted by path.
/// Its canonical JSON is fixed byte for byte (key order, no whitespace, ordinal path order), so the same
/// folder content always yields the same manifest digest, whatever order its files were created in.
/// Empty directories are not recorded.
/// </summary>
/// <remarks>
/// Canonical form: <c>{"format":"repoml.manifest/v1","files":[{"path":"a/b.csv","size":12,"digest":"sha256:…"},…]}</c>
/// </remarks>
public sealed class ArtifactManifest
{
    /// <summary>The <c>format</c> value that marks a manifest object.</summary>
    public const string Format = "repoml.manifest/v1";

    private static readonly byte[] CanonicalPrefix = Encoding.UTF8.GetBytes($"{{\"format\":\"{Format}\"");

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Deterministic either way; relaxed keeps non-ASCII file names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Creates a manifest; files are sorted by path (ordinal) and validated.</summary>
    /// <exception cref="ArgumentException">A path is not a clean relative path, or appears twice.</exception>
    public ArtifactManifest(IEnumerable<ArtifactManifestEntry> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var entry = sorted[i] ?? throw new ArgumentException("A manifest entry is null.", nameof(files));
            if (!IsValidPath(entry.Path, out var why))
            {
                throw new ArgumentException($"Manifest path '{entry.Path}' is not allowed: {why}.", nameof(files));
            }

            if (entry.Size < 0)
            {
                throw new ArgumentException($"Manifest entry '{entry.Path}' has a negative size.", nameof(files));
            }

            if (i > 0 && string.Equals(sorted[i - 1].Path, entry.Path, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Manifest path '{entry.Path}' appears twice.", nameof(files));
            }
        }

        Files = sorted;
    }

    /// <summary>The files, sorted by path (ordinal).</summary>
    public IReadOnlyList<ArtifactManifestEntry> Files { get; }

    /// <summary>Sum of the file sizes.</summary>
    public long TotalSize => Files.Sum(f => f.Size);

    /// <summary>How many leading bytes <see cref="LooksLikeManifest"/> needs.</summary>
    public static int SniffLength => CanonicalPrefix.Length;

    /// <summary>The canonical UTF-8 JSON bytes; store exactly these to get <see cref="ComputeDigest"/>.</summary>
    public byte[] ToCanonicalJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteStartArray("files");
            foreach (var file in Files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteNumber("size", file.Size);
                writer.WriteString("digest", file.Digest.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The digest of the canonical JSON: the folder's content address.</summary>
    public Digest ComputeDigest() => Digest.Compute(ToCanonicalJson());

    /// <summary>True when <paramref name="head"/> (the first <see cref="SniffLength"/> bytes of an object) starts a canonical manifest.</summary>
    public static bool LooksLikeManifest(ReadOnlySpan<byte> head) => head.StartsWith(CanonicalPrefix);

    /// <summary>Reads a manifest from JSON; key order and whitespace are not checked, content is.</summary>
    /// <exception cref="FormatException">The bytes are not a RepoML manifest; the message says why.</exception>
    public static ArtifactManifest Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = StrictJson.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String
                || format.GetString() != Format)
            {
                throw new FormatException($"Not a RepoML folder manifest: expected \"format\": \"{Format}\".");
            }

            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("Folder manifest has no \"files\" array.");
            }

            var entries = new List<ArtifactManifestEntry>(files.GetArrayLength());
            foreach (var file in files.EnumerateArray())
            {
                entries.Add(new ArtifactManifestEntry(
                    RequiredString(file, "path"),
                    file.TryGetProperty("size", out var size) && size.TryGetInt64(out var length)
                        ? length
                        : throw new FormatException("Folder manifest entry has no integer \"size\"."),
                    Digest.Parse(RequiredString(file, "digest"))));
            }

            return new ArtifactManifest(entries);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Folder manifest is not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Checks that a path is relative, '/'-separated and cannot leave the folder it is restored into.</summary>
    public static bool IsValidPath(string? path, out string reason)
    {
        reason = string.Empty;
        if (string.IsNullOrEmpty(path))
        {
            reason = "it is empty";
        }
        else if (path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            reason = "use '/' as the separator and no NUL characters";
        }
        else if (path.StartsWith('/'))
        {
            reason = "it must be relative";
        }
        else if (path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            reason = "it has an empty, '.' or '..' segment";
        }

        return reason.Length == 0;
    }

    private static string RequiredString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"Folder manifest entry has no string \"{name}\".");
}
