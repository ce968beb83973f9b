using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Remote.Wire;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// The load generator's client: streamed <c>/chat/completions</c> over a plain <see cref="HttpClient"/>, server-sent
/// events read through the shared wire (<see cref="EventStream"/>), each chunk's arrival timed. A failure is returned as data, never thrown.
/// A request that went out on a pooled keep-alive connection the server had closed (nothing of the answer came
/// back on a connection that had answered before: the server never read it) is sent again and counted in
/// <see cref="RequestTiming.Reconnects"/>, not as a failure; llama-server closes connections after a streamed answer.
/// </summary>
internal sealed class StreamingClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly LoadSweepOptions _options;

    // A line that never ends fails the request instead of filling memory.
    private static readonly long _maxLineBytes = EventStream.MaxLineBytes(AnswerLimit.MaxChars);

    // Each resend takes another pooled connection or a new one; a new one is never "reused", so this only bounds
    // a pool full of closed connections.
    private const int MaxReconnects = 64;

    /// <exception cref="EvalKitException">The environment variable named for the API key is not set.</exception>
    public StreamingClient(LoadSweepOptions options)
    {
        _options = options;
        _url = new Uri(options.Endpoint.ToString().TrimEnd('/') + "/chat/completions");
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10), ConnectCallback = TrackedConnection.ConnectAsync }) { Timeout = Timeout.InfiniteTimeSpan };
        if (options.ApiKeyEnvironmentVariable is { } variable)
        {
            var key = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(key))
                throw new EvalKitException($"The environment variable {variable}, named as the API key of {options.Endpoint}, is not set.",
                    $"Set it before running (export {variable}=...); keys are read from the environment only, never from the command line.");
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    public async Task<RequestTiming> SendAsync(string prompt, CancellationToken cancellationToken)
    {
        for (var reconnects = 0; ; reconnects++)
        {
            var (timing, closedBeforeAnswer) = await SendOnceAsync(prompt, cancellationToken);
            if (!closedBeforeAnswer || reconnects == MaxReconnects)
                return timing with { Reconnects = reconnects };
        }
    }

    private async Task<(RequestTiming Timing, bool ClosedBeforeAnswer)> SendOnceAsync(string prompt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(Body(prompt)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var wire = TrackedConnection.Watch();
        var start = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException ex) when (wire.ClosedBeforeAnswer && IsConnectionLoss(ex))
        {
            return (RequestTiming.Failed(ex.Message, Ms(start)), true);
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            return (Failure(ex, start), false);
        }
        try
        {
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    return (RequestTiming.Failed($"HTTP {(int)response.StatusCode}: {ErrorMessage(await response.Content.ReadAsStringAsync(timeout.Token))}", Ms(start), (int)response.StatusCode), false);
                return (await ReadStreamAsync(await response.Content.ReadAsStreamAsync(timeout.Token), start, timeout.Token), false);
            }
        }
        catch (Exception ex) when (IsRequestFailure(ex, cancellationToken))
        {
            return (Failure(ex, start), false);
        }
    }

    /// <summary>The connection broke (reset, or ended) rather than the server answering with an error.</summary>
    private static bool IsConnectionLoss(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.ResponseEnded || ex.InnerException is IOException or System.Net.Sockets.SocketException;

    /// <summary>A failure of this request (its timeout included), not the sweep being cancelled.</summary>
    private static bool IsRequestFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException ? !cancellationToken.IsCancellationRequested : ex is HttpRequestException or IOException or JsonException;

    private RequestTiming Failure(Exception ex, long start) =>
        ex is OperationCanceledException
            ? RequestTiming.Failed($"no end of stream within {_options.RequestTimeout.TotalSeconds:0} s", Ms(start))
            : RequestTiming.Failed(ex.Message, Ms(start));

    private static async Task<RequestTiming> ReadStreamAsync(Stream stream, long start, CancellationToken cancellationToken)
    {
        var chunks = new List<double>();
        var answer = new AnswerWatch();
        int? promptTokens = null, outputTokens = null;
        await foreach (var item in EventStream.ReadAsync(stream, _maxLineBytes, cancellationToken))
        {
            if (item.Chunk is not { } chunk)
            {
                return new RequestTiming
                {
                    E2eMs = Ms(start),
                    TokenChunksMs = chunks,
                    FirstAnswerMs = answer.FirstAnswerMs(),
                    PromptTokens = promptTokens ?? 0,
                    OutputTokens = outputTokens ?? chunks.Count,
                    TokensFromUsage = outputTokens is not null,
                };
            }
            if (chunk.Error is { } error)
                return RequestTiming.Failed("error in stream: " + error.Message, Ms(start));
            var delta = chunk.Choices is [{ Delta: { } d }, ..] ? d : null;
            var (content, reasoning) = (delta?.Content ?? "", delta?.ReasoningText ?? "");
            if (content.Length > 0 || reasoning.Length > 0)
                chunks.Add(Ms(start));
            if (reasoning.Length > 0)
                answer.SawReasoning();
            if (content.Length > 0)
                answer.Content(content, chunks[^1]);
            promptTokens = chunk.Usage?.PromptTokens ?? promptTokens;
            outputTokens = chunk.Usage?.CompletionTokens ?? outputTokens;
        }
        return RequestTiming.Failed("the stream ended without [DONE]", Ms(start));
    }

    private byte[] Body(string prompt) => JsonSerializer.SerializeToUtf8Bytes(new WireRequest
    {
        Model = _options.Model,
        Messages = [new WireMessage("user", prompt)],
        MaxTokens = _options.MaxTokens,
        Temperature = 0,
        Seed = _options.Seed,
        Stream = true,
        StreamOptions = new WireStreamOptions(IncludeUsage: true),
    }, WireJson.Default.WireRequest);

    private static string ErrorMessage(string body) =>
        WireJson.ErrorMessage(body) ?? (body.Length > 200 ? body[..200] + "..." : body);

    private static double Ms(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    public void Dispose() => _http.Dispose();
}
