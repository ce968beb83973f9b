using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EvalKit.Bench.Tests.Load;

/// <summary>
/// A raw HTTP/1.1 server on a free loopback port that answers <c>/v1/chat/completions</c> with a streamed (chunked,
/// server-sent events) answer whose shape and timing each request's <see cref="Script"/> decides. It never sends
/// <c>Connection: close</c>, as llama-server does not.
/// </summary>
public sealed class ScriptedSseServer : IAsyncDisposable
{
    private readonly List<string> _bodies = [];
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, Script> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _requests;

    /// <param name="script">The script of the n-th request read (0 is the sweep's first check).</param>
    public ScriptedSseServer(Func<int, Script> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>What the server does with one request it has read.</summary>
    public sealed record Script
    {
        /// <summary>Close the connection at once, sending nothing (a server that failed after receiving the request).</summary>
        public bool CloseWithoutAnswer { get; init; }
        /// <summary>Send the headers and the first token, then close (an answer broken off).</summary>
        public bool BreakAfterFirstToken { get; init; }
        /// <summary>After a complete answer, wait this long and close the connection without reading further (llama-server's habit).</summary>
        public TimeSpan? CloseAfterAnswer { get; init; }
        /// <summary>Send the headers and then one event line that never ends, until the client hangs up.</summary>
        public bool EndlessLine { get; init; }
        public TimeSpan FirstTokenDelay { get; init; }
        public TimeSpan TokenGap { get; init; }
        public int Tokens { get; init; } = 3;
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1");

    /// <summary>Requests read so far (the server saw them).</summary>
    public int RequestsRead => Volatile.Read(ref _requests);

    public int Connections { get; private set; }

    /// <summary>The bodies of the requests read so far, in the order they were read.</summary>
    public IReadOnlyList<string> Bodies
    {
        get { lock (_bodies) return [.. _bodies]; }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Connections++;
                lock (_connections)
                    _connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                while (await ReadRequestAsync(stream))
                {
                    var script = _script(Interlocked.Increment(ref _requests) - 1);
                    if (script.CloseWithoutAnswer)
                        return;
                    await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
                    await Task.Delay(script.FirstTokenDelay, _stop.Token);
                    if (script.EndlessLine)
                    {
                        var piece = "data: " + new string('x', 65_536);
                        while (true)
                            await WriteAsync(stream, $"{Encoding.UTF8.GetByteCount(piece):x}\r\n{piece}\r\n");
                    }
                    for (var i = 0; i < script.Tokens; i++)
                    {
                        if (i > 0)
                            await Task.Delay(script.TokenGap, _stop.Token);
                        await ChunkAsync(stream, """{"choices":[{"index":0,"delta":{"content":" tok"}}]}""");
                        if (script.BreakAfterFirstToken)
                            return;
                    }
                    await ChunkAsync(stream, """{"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":""" + script.Tokens.ToString(CultureInfo.InvariantCulture) + "}}");
                    await ChunkAsync(stream, "[DONE]");
                    await WriteAsync(stream, "0\r\n\r\n");
                    if (script.CloseAfterAnswer is { } wait)
                    {
                        await Task.Delay(wait, _stop.Token);
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Reads one request's headers and body; false when the client closed the connection.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
                return false;
            head.Add(one[0]);
        }
        var length = Encoding.ASCII.GetString([.. head]).Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        lock (_bodies)
            _bodies.Add(Encoding.UTF8.GetString(body));
        return true;
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private Task ChunkAsync(NetworkStream stream, string data)
    {
        var eventText = $"data: {data}\n\n";
        return WriteAsync(stream, $"{Encoding.UTF8.GetByteCount(eventText):x}\r\n{eventText}\r\n");
    }

    private async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.UTF8.GetBytes(text), _stop.Token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections)
            connections = [.. _connections];
        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}
