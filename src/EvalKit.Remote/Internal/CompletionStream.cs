using System.Diagnostics;
using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Remote.Wire;

namespace EvalKit.Remote.Internal;

/// <summary>
/// Reads one streamed response (<see cref="EventStream"/> chunks of <c>/completions</c> or <c>/chat/completions</c>)
/// into a <see cref="Completion"/> through <see cref="AnswerText"/>, which times every piece and puts
/// <c>reasoning_content</c> back in front of the answer. A gap longer than the idle timeout, a stream that ends
/// before <c>[DONE]</c> or a finish reason, and a chunk that is not JSON all throw, so the attempt is retried.
/// Memory stays bounded whatever the server sends: text past <paramref name="maxChars"/> stops the reading (the
/// answer is kept up to the limit, finish reason <see cref="FinishReason.LengthCapped"/>), and a line longer than
/// any chunk of the longest answer could be (<see cref="MaxLineBytes"/>) throws (<see cref="LineLimitedStream"/>).
/// </summary>
internal static class CompletionStream
{
    /// <inheritdoc cref="EventStream.MaxLineBytes"/>
    public static long MaxLineBytes(int maxChars) => EventStream.MaxLineBytes(maxChars);

    public static async Task<Completion> ReadAsync(
        Stream stream, bool chat, Stopwatch clock, TimeSpan idleTimeout, string promptText, int maxChars, CancellationToken cancellationToken)
    {
        var answer = new AnswerText(maxChars, clock);
        string? finish = null;
        (int Prompt, int Completion)? usage = null;
        var done = false;
        var capped = false;

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        try
        {
            await foreach (var item in EventStream.ReadAsync(stream, MaxLineBytes(AnswerLimit.MaxChars), idle.Token))
            {
                idle.CancelAfter(idleTimeout);
                if (item.Chunk is not { } chunk)
                {
                    done = true;
                    break;
                }
                if (chunk.Error is { } error)
                    throw new BrokenStreamException("the server reported an error mid-stream: " + error.Message);
                if (chunk.Usage is { } u)
                    usage = (u.PromptTokens ?? 0, u.CompletionTokens ?? 0);
                if (chunk.Choices is not [var choice, ..])
                    continue;
                var (reasoning, content) = chat ? (choice.Delta?.ReasoningText, choice.Delta?.Content) : (null, choice.Text);
                if (!answer.Add(reasoning, content))
                {
                    capped = true;
                    break; // the caller disposes the response, which closes the connection
                }
                finish = choice.FinishReason ?? finish;
            }
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StreamStalledException(idleTimeout);
        }
        catch (JsonException ex)
        {
            throw new BrokenStreamException(ex.Message, ex);
        }

        if (!done && finish is null && !capped)
            throw new BrokenStreamException("the stream ended before the server finished (no finish reason, no [DONE])");
        return answer.Complete(finish, usage, promptText);
    }
}
