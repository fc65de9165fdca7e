namespace RepoML.Core.Artifacts;

/// <summary>
/// A read-only stream that hashes what passes through it and, when the inner stream reports its end,
/// throws <see cref="ArtifactCorruptException"/> unless the bytes hash to the expected digest.
/// Store adapters wrap their raw object streams in it so every read is verified.
/// </summary>
public sealed class DigestVerifyingStream : Stream
{
    private readonly Stream _inner;
    private readonly Digest _expected;
    private readonly string _location;
    private readonly Func<string?>? _onCorrupt;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private bool _verified;
    private ArtifactCorruptException? _failure;

    /// <summary>Wraps <paramref name="inner"/>, which must be positioned at the object's first byte.</summary>
    /// <param name="location">The store or file, named in the exception.</param>
    /// <param name="onCorrupt">
    /// Called once, after the inner stream is disposed, when a mismatch is found (e.g. to quarantine the
    /// object); its result is appended to the exception message.
    /// </param>
    public DigestVerifyingStream(Stream inner, Digest expected, string location, Func<string?>? onCorrupt = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(expected);
        _inner = inner;
        _expected = expected;
        _location = location;
        _onCorrupt = onCorrupt;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _inner.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A verifying stream is read front to back.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        if (buffer.IsEmpty)
        {
            return 0;
        }

        var read = _inner.Read(buffer);
        return Account(buffer[..read]);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        if (buffer.IsEmpty)
        {
            return 0;
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..read]);
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A verifying stream cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("A verifying stream is read-only.");

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A verifying stream is read-only.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _hash.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Account(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > 0)
        {
            _hash.AppendData(chunk);
            _position += chunk.Length;
            return chunk.Length;
        }

        // A zero-byte read of a non-empty buffer is the end: check once (later reads keep failing).
        if (!_verified)
        {
            _verified = true;
            var actual = Digest.FromHash(_hash.GetHashAndReset());
            if (actual != _expected)
            {
                _inner.Dispose();
                var remedy = _onCorrupt?.Invoke();
                _failure = new ArtifactCorruptException(_expected, actual, _location, remedy);
                throw _failure;
            }
        }

        return 0;
    }
}
