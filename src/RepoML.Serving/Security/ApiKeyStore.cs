using RepoML.Core.Json;

namespace RepoML.Serving.Security;

/// <summary>
/// An endpoint's primary and secondary keys, kept outside Git in <c>.repoml/keys/&lt;endpoint&gt;.json</c>
/// (as <c>az ml online-endpoint get-credentials</c> shows them: primaryKey, secondaryKey). Created on first use;
/// re-read when the file changes, so regenerating a key takes effect without a restart (within
/// <see cref="RecheckInterval"/>: the file is not looked at on every request, which would cost a file-system call each).
/// </summary>
public sealed class ApiKeyStore(string keysFolder, TimeProvider? time = null)
{
    /// <summary>How long a read of the keys file is trusted before its time stamp is looked at again.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly Dictionary<string, (DateTime Stamp, long CheckedAt, EndpointKeys Keys)> cache = new(StringComparer.Ordinal);

    /// <exception cref="RepoML.Core.Naming.UnsafeNameException">The endpoint name is not a safe file name.</exception>
    public string PathOf(string endpoint) => Path.Combine(keysFolder,
        $"{RepoML.Core.Naming.NameGate.Check(endpoint, RepoML.Core.Naming.NameKind.Segment, "endpoint name")}.json");

    /// <summary>The endpoint's keys, generating both when the file does not exist yet.</summary>
    /// <exception cref="InvalidDataException">The keys file is not one (edited, or cut short by hand); regenerating a key rewrites it.</exception>
    public EndpointKeys Get(string endpoint)
    {
        var path = PathOf(endpoint);
        lock (gate)
        {
            var now = clock.GetTimestamp();
            var known = cache.TryGetValue(endpoint, out var cached);
            if (known && clock.GetElapsedTime(cached.CheckedAt, now) < RecheckInterval)
            {
                return cached.Keys;
            }

            if (!File.Exists(path))
            {
                Save(path, new EndpointKeys(NewKey(), NewKey()));
            }

            var stamp = File.GetLastWriteTimeUtc(path);
            if (known && cached.Stamp == stamp)
            {
                cache[endpoint] = cached with { CheckedAt = now };
                return cached.Keys;
            }

            var keys = Read(path);
            cache[endpoint] = (stamp, now, keys);
            return keys;
        }
    }

    /// <summary>Replaces one key ("primary" or "secondary") with a new random one.</summary>
    public EndpointKeys Regenerate(string endpoint, string which)
    {
        EndpointKeys current;
        try
        {
            current = Get(endpoint);
        }
        catch (InvalidDataException)
        {
            current = new EndpointKeys(NewKey(), NewKey()); // the unreadable file's keys are lost either way: both are new
        }

        var next = which.ToLowerInvariant() switch
        {
            "primary" => current with { Primary = NewKey() },
            "secondary" => current with { Secondary = NewKey() },
            _ => throw new ArgumentException($"'{which}' is not a key; use primary or secondary", nameof(which)),
        };
        lock (gate)
        {
            Save(PathOf(endpoint), next);
            cache.Remove(endpoint);
        }

        return next;
    }

    /// <summary>Whether the Authorization header carries either key (compared in constant time).</summary>
    public bool IsValid(string endpoint, string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(authorization[Bearer.Length..].Trim());
        EndpointKeys keys;
        try
        {
            keys = Get(endpoint);
        }
        catch (InvalidDataException)
        {
            return false; // fails closed: no key is valid until the file is whole again
        }

        return Matches(presented, keys.Primary) | Matches(presented, keys.Secondary);
    }

    private static EndpointKeys Read(string path)
    {
        try
        {
            using var document = StrictJson.Parse(File.ReadAllBytes(path));
            if (document.RootElement is { ValueKind: JsonValueKind.Object } root && Key(root, "primaryKey") is { } primary
                && Key(root, "secondaryKey") is { } secondary)
            {
                return new EndpointKeys(primary, secondary);
            }
        }
        catch (JsonException)
        {
        }

        throw new InvalidDataException($"{path} is not an endpoint keys file (expected {{\"primaryKey\": \"…\", \"secondaryKey\": \"…\"}}); "
            + "no request is accepted until 'repoml endpoint keys <endpoint> --regenerate primary' rewrites it");
    }

    private static string? Key(JsonElement root, string name) =>
        root.TryGetProperty(name, out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;

    private static bool Matches(byte[] presented, string key) =>
        key.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Save(string path, EndpointKeys keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new { primaryKey = keys.Primary, secondaryKey = keys.Secondary },
            new JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }
}
