using System.Net.Sockets;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// A pooled HTTP/1.1 connection's stream that knows, for the request being written on it, whether the connection
/// had already carried an earlier exchange and whether any byte of the answer has arrived. <see cref="StreamingClient"/>
/// uses it to tell a keep-alive connection the server closed while it sat in the pool (closed before the request
/// was read: nothing came back on a reused connection) from a server that failed a request it received.
/// </summary>
internal sealed class TrackedConnection(Stream inner) : Stream
{
    private static readonly AsyncLocal<RequestWire?> _current = new();
    private bool _reading;
    private int _exchanges;
    private long _bytesSinceRequest;

    /// <summary>What the current request's connection reported; set before sending, read after a failure.</summary>
    public sealed class RequestWire
    {
        public TrackedConnection? Connection { get; set; }
        public bool Reused { get; set; }

        /// <summary>True when the request went out on a connection that had answered before and nothing of this answer arrived.</summary>
        public bool ClosedBeforeAnswer => Connection is { } connection && Reused && connection.BytesSinceRequest == 0;
    }

    private long BytesSinceRequest => Interlocked.Read(ref _bytesSinceRequest);

    /// <summary>Starts recording for the request about to be sent from this asynchronous flow.</summary>
    public static RequestWire Watch() => _current.Value = new RequestWire();

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new TrackedConnection(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BeginRequestIfAnswered();
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        BeginRequestIfAnswered();
        inner.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Received(await inner.ReadAsync(buffer, cancellationToken));

    public override int Read(byte[] buffer, int offset, int count) => Received(inner.Read(buffer, offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override bool CanRead => inner.CanRead;
    public override bool CanWrite => inner.CanWrite;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    // The first write after bytes of an answer arrived starts a new exchange on this connection.
    private void BeginRequestIfAnswered()
    {
        if (_reading)
        {
            _exchanges++;
            _reading = false;
            Interlocked.Exchange(ref _bytesSinceRequest, 0);
        }
        if (_current.Value is { Connection: null } wire)
        {
            wire.Connection = this;
            wire.Reused = _exchanges > 0;
        }
    }

    private int Received(int bytes)
    {
        if (bytes > 0)
        {
            _reading = true;
            Interlocked.Add(ref _bytesSinceRequest, bytes);
        }
        return bytes;
    }
}
