using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using EvalKit.Core.Backends;

namespace EvalKit.Remote.Internal;

/// <summary>
/// Reads one streamed response (server-sent events of <c>/completions</c> or <c>/chat/completions</c> chunks)
/// into a <see cref="Completion"/>, timing every text piece (<see cref="TokenTimeline"/>). A gap longer than the idle timeout, a stream that
/// ends before <c>[DONE]</c> or a finish reason, and a chunk that is not JSON all throw, so the attempt is retried.
/// Memory stays bounded whatever the server sends: text past <paramref name="maxChars"/> stops the reading (the
/// answer is kept up to the limit, finish reason <see cref="FinishReason.LengthCapped"/>), and a line longer than
/// any chunk of the longest answer could be (<see cref="MaxLineBytes"/>) throws (<see cref="LineLimitHandler"/>).
/// </summary>
internal static class CompletionStream
{
    /// <summary>The longest event line accepted for an answer limit: 6 bytes per character (a JSON \uXXXX escape) plus 64 KiB.</summary>
    public static long MaxLineBytes(int maxChars) => 6L * maxChars + 65_536;

    public static async Task<Completion> ReadAsync(
        Stream stream, bool chat, Stopwatch clock, TimeSpan idleTimeout, string promptText, int maxChars, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var textEnds = new List<int>();
        var elapsedMs = new List<double>();
        TimeSpan? firstToken = null;
        string? finish = null;
        (int Prompt, int Completion)? usage = null;
        var done = false;
        var capped = false;

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(idle.Token))
            {
                idle.CancelAfter(idleTimeout);
                if (item.EventType != SseParser.EventTypeDefault || item.Data.Length == 0)
                    continue;
                if (item.Data.Trim() == "[DONE]")
                {
                    done = true;
                    break;
                }
                using var chunk = Parse(item.Data);
                var root = chunk.RootElement;
                if (root.TryGetProperty("error", out var error))
                    throw new BrokenStreamException("the server reported an error mid-stream: " + ErrorText(error));
                if (root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
                    usage = (Int(u, "prompt_tokens"), Int(u, "completion_tokens"));
                if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
                    continue;
                var choice = choices[0];
                var piece = chat
                    ? choice.TryGetProperty("delta", out var delta) ? String(delta, "content") : null
                    : String(choice, "text");
                if (!string.IsNullOrEmpty(piece))
                {
                    var now = clock.Elapsed;
                    firstToken ??= now;
                    capped = text.Length + piece.Length > maxChars;
                    text.Append(piece, 0, Math.Min(piece.Length, maxChars - text.Length));
                    textEnds.Add(text.Length);
                    elapsedMs.Add(now.TotalMilliseconds);
                    if (capped)
                        break; // the caller disposes the response, which closes the connection
                }
                finish = String(choice, "finish_reason") ?? finish;
            }
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StreamStalledException(idleTimeout);
        }

        if (!done && finish is null && !capped)
            throw new BrokenStreamException("the stream ended before the server finished (no finish reason, no [DONE])");
        var total = clock.Elapsed;
        return new Completion
        {
            Text = text.ToString(),
            // Without usage from the server: one streamed piece is about one token, a prompt about 4 characters a token.
            PromptTokens = usage?.Prompt ?? (promptText.Length + 3) / 4,
            CompletionTokens = usage?.Completion ?? textEnds.Count,
            TokenCountsEstimated = usage is null,
            TimeToFirstToken = firstToken ?? total,
            TotalTime = total,
            FinishReason = capped ? FinishReason.LengthCapped : finish == "length" ? FinishReason.Length : FinishReason.Stop,
            // One step per piece: a piece is one token only when their count matches the server's completion_tokens.
            Timeline = new TokenTimeline(textEnds, elapsedMs),
        };
    }

    private static JsonDocument Parse(string data)
    {
        try
        {
            return JsonDocument.Parse(data);
        }
        catch (JsonException ex)
        {
            var shown = data.Length > 80 ? data[..80] + "…" : data;
            throw new BrokenStreamException($"the stream held a chunk that is not JSON: {shown}", ex);
        }
    }

    private static string ErrorText(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && String(error, "message") is { } message ? message : error.ToString();

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}
