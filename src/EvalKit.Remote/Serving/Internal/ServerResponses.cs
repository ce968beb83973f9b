using EvalKit.Core.Backends;
using EvalKit.Remote.Internal;
using EvalKit.Remote.Wire;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>Completion answers and stream chunks (<see cref="WireResponse"/>), shaped as the OpenAI API shapes them.</summary>
internal sealed class ServerResponses(string model, bool chat)
{
    private readonly string _id = (chat ? "chatcmpl-" : "cmpl-") + Guid.NewGuid().ToString("N")[..24];
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The whole answer of a request without <c>stream</c>.</summary>
    public WireResponse Whole(Completion completion)
    {
        var choice = chat
            ? new WireChoice { Message = new WireDelta { Role = "assistant", Content = completion.Text }, FinishReason = Finish(completion) }
            : new WireChoice { Text = completion.Text, FinishReason = Finish(completion) };
        return Envelope(chat ? "chat.completion" : "text_completion", choice) with { Usage = Usage(completion) };
    }

    /// <summary>
    /// A completions answer with <c>echo</c> (<paramref name="echoed"/> in front of the text) and/or <c>logprobs</c>
    /// in the legacy format: tokens, token_logprobs (null for a first token), top_logprobs and text_offset, the
    /// offsets counted in code points of the prompt followed by the answer, as Python servers count them.
    /// </summary>
    public WireResponse Scored(Completion completion, string echoed, IReadOnlyList<TokenLogProb>? tokens)
    {
        var text = echoed + completion.Text;
        var choice = new WireChoice { Text = text, Logprobs = tokens is null ? null : LogProbs(tokens, text), FinishReason = Finish(completion) };
        return Envelope("text_completion", choice) with { Usage = Usage(completion) };
    }

    private static WireLogProbs LogProbs(IReadOnlyList<TokenLogProb> tokens, string text) => new()
    {
        Tokens = [.. tokens.Select(t => t.Text)],
        TokenLogprobs = [.. tokens.Select(t => t.LogProbability)],
        TopLogprobs = [.. tokens.Select(t => t.LogProbability is null ? null : new Dictionary<string, double>(t.Top))],
        TextOffset = [.. tokens.Select(t => TextOffsets.ToCodePoints(text, t.Offset))],
    };

    /// <summary>The first chunk of a streamed answer: the role, for chat; nothing for completions.</summary>
    public IEnumerable<WireResponse> Start()
    {
        if (chat)
            yield return Envelope(ChunkKind, new WireChoice { Delta = new WireDelta { Role = "assistant", Content = "" } });
    }

    /// <summary>A chunk carrying the next piece of text.</summary>
    public WireResponse Text(string piece) => Envelope(ChunkKind, Piece(piece, null));

    /// <summary>The last chunks: the finish reason, then usage when asked for with <c>stream_options.include_usage</c>.
    /// The caller ends the stream with <c>[DONE]</c>.</summary>
    public IEnumerable<WireResponse> End(Completion completion, bool includeUsage)
    {
        yield return Envelope(ChunkKind, Piece(null, Finish(completion)));
        if (includeUsage)
            yield return Envelope(ChunkKind, null) with { Usage = Usage(completion) };
    }

    public WireModels Models() => new("list", [new WireModel(model, "model", _created, "evalkit")]);

    private string ChunkKind => chat ? "chat.completion.chunk" : "text_completion";

    private WireChoice Piece(string? text, string? finish) => chat
        ? new WireChoice { Delta = new WireDelta { Content = text }, FinishReason = finish }
        : new WireChoice { Text = text ?? "", FinishReason = finish };

    private WireResponse Envelope(string kind, WireChoice? choice) => new()
    {
        Id = _id,
        Object = kind,
        Created = _created,
        Model = model,
        Choices = choice is null ? [] : [choice],
    };

    private static string Finish(Completion completion) => completion.FinishReason is FinishReason.Length or FinishReason.LengthCapped ? "length" : "stop";

    private static WireUsage Usage(Completion completion) => new()
    {
        PromptTokens = completion.PromptTokens,
        CompletionTokens = completion.CompletionTokens,
        TotalTokens = completion.PromptTokens + completion.CompletionTokens,
    };
}
