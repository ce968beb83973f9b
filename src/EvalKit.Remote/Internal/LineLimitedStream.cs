namespace EvalKit.Remote.Internal;

/// <summary>
/// Passes a response body through, failing with <see cref="BrokenStreamException"/> once a line (the bytes between
/// two line breaks) grows past <paramref name="maxLineBytes"/>: the event-stream parser buffers a whole line, so a
/// server that never ends one would otherwise fill memory.
/// </summary>
internal sealed class LineLimitedStream(Stream inner, long maxLineBytes) : Stream
{
    private long _lineBytes;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(ReadOnlySpan<byte> read)
    {
        var lastBreak = read.LastIndexOfAny((byte)'\n', (byte)'\r');
        _lineBytes = lastBreak < 0 ? _lineBytes + read.Length : read.Length - lastBreak - 1;
        if (_lineBytes > maxLineBytes)
            throw new BrokenStreamException($"the server sent a line longer than {maxLineBytes:N0} bytes without ending it; reading stopped there");
        return read.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
