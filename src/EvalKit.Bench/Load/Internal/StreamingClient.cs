using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using EvalKit.Core;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// The load generator's client: streamed <c>/chat/completions</c> over a plain <see cref="HttpClient"/>, server-sent
/// events read line by line, each chunk's arrival timed. A failure is returned as data, never thrown.
/// </summary>
internal sealed class StreamingClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly LoadSweepOptions _options;

    /// <exception cref="EvalKitException">The environment variable named for the API key is not set.</exception>
    public StreamingClient(LoadSweepOptions options)
    {
        _options = options;
        _url = new Uri(options.Endpoint.ToString().TrimEnd('/') + "/chat/completions");
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = Timeout.InfiniteTimeSpan };
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(Body(prompt)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return RequestTiming.Failed($"HTTP {(int)response.StatusCode}: {ErrorMessage(await response.Content.ReadAsStringAsync(timeout.Token))}", Ms(start), (int)response.StatusCode);
            return await ReadStreamAsync(await response.Content.ReadAsStreamAsync(timeout.Token), start, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RequestTiming.Failed($"no end of stream within {_options.RequestTimeout.TotalSeconds:0} s", Ms(start));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            return RequestTiming.Failed(ex.Message, Ms(start));
        }
    }

    private static async Task<RequestTiming> ReadStreamAsync(Stream stream, long start, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        var chunks = new List<double>();
        var answer = new AnswerWatch();
        int? promptTokens = null, outputTokens = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
                continue;
            var data = line.AsSpan(5).Trim();
            if (data.SequenceEqual("[DONE]"))
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
            var chunk = StreamChunk.Parse(data.ToString());
            if (chunk.Error is { } error)
                return RequestTiming.Failed("error in stream: " + error, Ms(start));
            if (chunk.Content.Length > 0 || chunk.Reasoning.Length > 0)
                chunks.Add(Ms(start));
            if (chunk.Reasoning.Length > 0)
                answer.SawReasoning();
            if (chunk.Content.Length > 0)
                answer.Content(chunk.Content, chunks[^1]);
            promptTokens = chunk.PromptTokens ?? promptTokens;
            outputTokens = chunk.CompletionTokens ?? outputTokens;
        }
        return RequestTiming.Failed("the stream ended without [DONE]", Ms(start));
    }

    private byte[] Body(string prompt) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["model"] = _options.Model,
        ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = prompt } },
        ["max_tokens"] = _options.MaxTokens,
        ["temperature"] = 0,
        ["seed"] = _options.Seed,
        ["stream"] = true,
        ["stream_options"] = new Dictionary<string, bool> { ["include_usage"] = true },
    });

    private static string ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
                return StreamChunk.MessageOf(error);
        }
        catch (JsonException)
        {
        }
        return body.Length > 200 ? body[..200] + "..." : body;
    }

    private static double Ms(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    public void Dispose() => _http.Dispose();
}
