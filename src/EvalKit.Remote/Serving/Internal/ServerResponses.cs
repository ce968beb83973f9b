using System.Text.Json.Nodes;
using EvalKit.Remote.Internal;
using EvalKit.Core.Backends;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>The JSON of completion answers and stream chunks, shaped as the OpenAI API shapes them.</summary>
internal sealed class ServerResponses(string model, bool chat)
{
    private readonly string _id = (chat ? "chatcmpl-" : "cmpl-") + Guid.NewGuid().ToString("N")[..24];
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The whole answer of a request without <c>stream</c>.</summary>
    public JsonObject Whole(Completion completion)
    {
        var choice = chat
            ? new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = completion.Text } }
            : new JsonObject { ["index"] = 0, ["text"] = completion.Text, ["logprobs"] = null };
        choice["finish_reason"] = Finish(completion);
        var answer = Envelope(chat ? "chat.completion" : "text_completion", choice);
        answer["usage"] = Usage(completion);
        return answer;
    }

    /// <summary>
    /// A completions answer with <c>echo</c> (<paramref name="echoed"/> in front of the text) and/or <c>logprobs</c>
    /// in the legacy format: tokens, token_logprobs (null for a first token), top_logprobs and text_offset, the
    /// offsets counted in code points of the prompt followed by the answer, as Python servers count them.
    /// </summary>
    public JsonObject Scored(Completion completion, string echoed, IReadOnlyList<TokenLogProb>? tokens)
    {
        var text = echoed + completion.Text;
        var choice = new JsonObject { ["index"] = 0, ["text"] = text, ["logprobs"] = tokens is null ? null : LogProbs(tokens, text) };
        choice["finish_reason"] = Finish(completion);
        var answer = Envelope("text_completion", choice);
        answer["usage"] = Usage(completion);
        return answer;
    }

    private static JsonObject LogProbs(IReadOnlyList<TokenLogProb> tokens, string text) => new()
    {
        ["tokens"] = new JsonArray([.. tokens.Select(t => (JsonNode)t.Text)]),
        ["token_logprobs"] = new JsonArray([.. tokens.Select(t => t.LogProbability is { } p ? (JsonNode)p : null)]),
        ["top_logprobs"] = new JsonArray([.. tokens.Select(t => t.LogProbability is null ? null
            : (JsonNode)new JsonObject(t.Top.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))))]),
        ["text_offset"] = new JsonArray([.. tokens.Select(t => (JsonNode)TextOffsets.ToCodePoints(text, t.Offset))]),
    };

    /// <summary>The first chunk of a streamed answer: the role, for chat; nothing for completions.</summary>
    public IEnumerable<JsonObject> Start()
    {
        if (chat)
            yield return Envelope(ChunkKind, Piece(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
    }

    /// <summary>A chunk carrying the next piece of text.</summary>
    public JsonObject Text(string piece) => Envelope(ChunkKind, Piece(chat ? new JsonObject { ["content"] = piece } : piece, null));

    /// <summary>The last chunks: the finish reason, then usage when asked for with <c>stream_options.include_usage</c>.
    /// The caller ends the stream with <c>[DONE]</c>.</summary>
    public IEnumerable<JsonObject> End(Completion completion, bool includeUsage)
    {
        yield return Envelope(ChunkKind, Piece(chat ? new JsonObject() : "", Finish(completion)));
        if (includeUsage)
        {
            var usage = Envelope(ChunkKind, null);
            usage["usage"] = Usage(completion);
            yield return usage;
        }
    }

    public JsonObject Models() => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject { ["id"] = model, ["object"] = "model", ["created"] = _created, ["owned_by"] = "evalkit" }),
    };

    private string ChunkKind => chat ? "chat.completion.chunk" : "text_completion";

    private JsonObject Piece(JsonNode delta, string? finish) => chat
        ? new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }
        : new JsonObject { ["index"] = 0, ["text"] = delta, ["logprobs"] = null, ["finish_reason"] = finish };

    private JsonObject Envelope(string kind, JsonObject? choice) => new()
    {
        ["id"] = _id,
        ["object"] = kind,
        ["created"] = _created,
        ["model"] = model,
        ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
    };

    private static string Finish(Completion completion) => completion.FinishReason is FinishReason.Length or FinishReason.LengthCapped ? "length" : "stop";

    private static JsonObject Usage(Completion completion) => new()
    {
        ["prompt_tokens"] = completion.PromptTokens,
        ["completion_tokens"] = completion.CompletionTokens,
        ["total_tokens"] = completion.PromptTokens + completion.CompletionTokens,
    };
}
