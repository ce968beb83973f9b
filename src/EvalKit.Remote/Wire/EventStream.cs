using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using EvalKit.Remote.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>
/// Streamed answers as server-sent events (<see cref="SseParser"/>, <see cref="SseFormatter"/>): each chunk is one
/// <c>data:</c> event of <see cref="WireResponse"/> JSON, and <c>data: [DONE]</c> ends the stream.
/// </summary>
public static class EventStream
{
    private static readonly byte[] _done = "[DONE]"u8.ToArray();

    /// <summary>The longest event line an answer of at most <paramref name="maxChars"/> characters needs: 6 bytes per character (a JSON \uXXXX escape) plus 64 KiB.</summary>
    public static long MaxLineBytes(int maxChars) => 6L * maxChars + 65_536;

    /// <summary>
    /// The events of <paramref name="stream"/> up to and including <see cref="WireEvent.Done"/>; events of other
    /// types and empty ones are skipped. A line longer than <paramref name="maxLineBytes"/> throws
    /// <see cref="IOException"/> (the parser buffers whole lines, so a line that never ends would otherwise fill memory).
    /// </summary>
    /// <exception cref="JsonException">An event is not a JSON chunk.</exception>
    public static async IAsyncEnumerable<WireEvent> ReadAsync(Stream stream, long maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parser = SseParser.Create(new LineLimitedStream(stream, maxLineBytes), Parse);
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            if (item.Data is not { } parsed)
                continue;
            yield return parsed;
            if (parsed.IsDone)
                yield break;
        }
    }

    /// <summary>Writes <paramref name="events"/> to <paramref name="destination"/>, each as it comes.</summary>
    public static Task WriteAsync(IAsyncEnumerable<WireEvent> events, Stream destination, CancellationToken cancellationToken) =>
        SseFormatter.WriteAsync(Items(events, cancellationToken), destination, Format, cancellationToken);

    private static WireEvent? Parse(string eventType, ReadOnlySpan<byte> data)
    {
        if (eventType != SseParser.EventTypeDefault || data.IsEmpty)
            return null;
        if (data.Trim(" \t\r\n"u8).SequenceEqual(_done))
            return WireEvent.Done;
        try
        {
            return new WireEvent(WireJson.Response(data));
        }
        catch (JsonException ex)
        {
            var text = Encoding.UTF8.GetString(data);
            throw new JsonException($"the stream held a chunk that is not JSON of an answer: {(text.Length > 80 ? text[..80] + "…" : text)}", ex);
        }
    }

    private static void Format(SseItem<WireEvent> item, IBufferWriter<byte> writer)
    {
        if (item.Data.Chunk is not { } chunk)
        {
            writer.Write(_done);
            return;
        }
        using var json = new Utf8JsonWriter(writer);
        JsonSerializer.Serialize(json, chunk, WireJson.Default.WireResponse);
    }

    private static async IAsyncEnumerable<SseItem<WireEvent>> Items(IAsyncEnumerable<WireEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in events.WithCancellation(cancellationToken))
            yield return new SseItem<WireEvent>(item);
    }
}
