using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Core.Suites;
using EvalKit.Remote.Wire;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>A <c>/v1/completions</c> or <c>/v1/chat/completions</c> request body (<see cref="WireRequest"/>), checked and turned into a generation.</summary>
internal sealed record ServerRequest(string Model, GenerationRequest Generation, bool Stream, bool IncludeUsage)
{
    /// <summary>The most alternatives <c>logprobs</c> may ask for per position.</summary>
    public const int MaxLogProbs = 20;

    /// <summary><c>echo</c> (completions only): the answer's text and log-probabilities start with the prompt.</summary>
    public bool Echo { get; init; }

    /// <summary><c>logprobs</c> (completions only): null for none, else the number of top alternatives listed per token.</summary>
    public int? LogProbs { get; init; }

    /// <summary>OpenAI's default for legacy completions; chat has no documented limit, so a modest one is used.</summary>
    private const int DefaultCompletionTokens = 16;
    private const int DefaultChatTokens = 256;

    public static ServerRequest Parse(JsonDocument body, bool chat)
    {
        if (body.RootElement.ValueKind != JsonValueKind.Object)
            throw Fail("The request body must be a JSON object.");
        var root = Read(body);
        var model = root.Model ?? throw Fail("You must provide a model parameter.", "model");
        if (root.N is { } n && n != 1)
            throw Fail("Only n = 1 is supported.", "n");

        var parameters = new GenerationParameters
        {
            MaxTokens = root.MaxTokens ?? root.MaxCompletionTokens ?? (chat ? DefaultChatTokens : DefaultCompletionTokens),
            Temperature = root.Temperature ?? 1f,
            TopP = root.TopP ?? 1f,
            Seed = root.Seed is { } seed ? unchecked((uint)seed) : (uint)Random.Shared.Next(),
            Stop = root.Stop ?? [],
        };
        if (parameters.MaxTokens < 0)
            throw Fail("max_tokens must be 0 or more.", "max_tokens");
        if (parameters.Temperature < 0)
            throw Fail("temperature must be 0 or more.", "temperature");

        var generation = chat
            ? GenerationRequest.Chat(Messages(root.Messages), parameters)
            : GenerationRequest.Raw(root.Prompt ?? throw Fail("You must provide a prompt.", "prompt"), parameters);
        var stream = root.Stream ?? false;
        var includeUsage = root.StreamOptions?.IncludeUsage ?? false;
        var echo = !chat && (root.Echo ?? false);
        var logProbs = chat ? null : LogProbsOf(root.Logprobs);
        if (logProbs is < 0 or > MaxLogProbs)
            throw Fail($"logprobs must be between 0 and {MaxLogProbs}.", "logprobs");
        if (stream && (echo || logProbs is not null))
            throw Fail("echo and logprobs are answered only without stream.", "stream");
        return new ServerRequest(model, generation, stream, includeUsage) { Echo = echo, LogProbs = logProbs };
    }

    private static WireRequest Read(JsonDocument body)
    {
        try
        {
            return body.Deserialize(WireJson.Default.WireRequest)!;
        }
        catch (JsonException ex)
        {
            var name = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            throw Fail(ex is WireFormatException ? $"{name} {ex.Message}" : $"{name ?? "The body"} has the wrong type.", name);
        }
    }

    private static int? LogProbsOf(JsonElement? logProbs) => logProbs switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var count) => count,
        _ => throw Fail("logprobs has the wrong type.", "logprobs"),
    };

    private static List<ChatMessage> Messages(IReadOnlyList<WireMessage>? messages)
    {
        if (messages is not { Count: > 0 })
            throw Fail("messages must be a non-empty array.", "messages");
        var result = new List<ChatMessage>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { Role: { } role } message)
                throw Fail($"messages[{i}] must be an object with a role.", $"messages[{i}]");
            result.Add(new ChatMessage(role, message.Content ?? ""));
        }
        return result;
    }

    private static ApiException Fail(string message, string? param = null) => new(ApiError.BadRequest(message, param));
}
