using System.Text.Json;
using System.Text.Json.Nodes;
using EvalKit.Core.Backends;
using EvalKit.Core.Suites;

namespace EvalKit.Remote.Serving.Internal;

/// <summary>A parsed <c>/v1/completions</c> or <c>/v1/chat/completions</c> request body.</summary>
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

    public static ServerRequest Parse(JsonNode? body, bool chat)
    {
        if (body is not JsonObject root)
            throw Fail("The request body must be a JSON object.");
        var model = Get<string>(root, "model") ?? throw Fail("You must provide a model parameter.", "model");
        if (Get<int?>(root, "n") is { } n && n != 1)
            throw Fail("Only n = 1 is supported.", "n");

        var parameters = new GenerationParameters
        {
            MaxTokens = Get<int?>(root, "max_tokens") ?? Get<int?>(root, "max_completion_tokens") ?? (chat ? DefaultChatTokens : DefaultCompletionTokens),
            Temperature = Get<float?>(root, "temperature") ?? 1f,
            TopP = Get<float?>(root, "top_p") ?? 1f,
            Seed = Get<long?>(root, "seed") is { } seed ? unchecked((uint)seed) : (uint)Random.Shared.Next(),
            Stop = Stops(root["stop"]),
        };
        if (parameters.MaxTokens < 0)
            throw Fail("max_tokens must be 0 or more.", "max_tokens");
        if (parameters.Temperature < 0)
            throw Fail("temperature must be 0 or more.", "temperature");

        var generation = chat
            ? GenerationRequest.Chat(Messages(root["messages"]), parameters)
            : GenerationRequest.Raw(Prompt(root["prompt"]), parameters);
        var stream = Get<bool?>(root, "stream") ?? false;
        var includeUsage = root["stream_options"] is JsonObject options && (Get<bool?>(options, "include_usage") ?? false);
        var echo = !chat && (Get<bool?>(root, "echo") ?? false);
        var logProbs = chat ? null : Get<int?>(root, "logprobs");
        if (logProbs is < 0 or > MaxLogProbs)
            throw Fail($"logprobs must be between 0 and {MaxLogProbs}.", "logprobs");
        if (stream && (echo || logProbs is not null))
            throw Fail("echo and logprobs are answered only without stream.", "stream");
        return new ServerRequest(model, generation, stream, includeUsage) { Echo = echo, LogProbs = logProbs };
    }

    private static string Prompt(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray { Count: 1 } array when array[0] is JsonValue one && one.TryGetValue<string>(out var text) => text,
        null => throw Fail("You must provide a prompt.", "prompt"),
        _ => throw Fail("prompt must be a string (token arrays and batches are not supported).", "prompt"),
    };

    private static List<ChatMessage> Messages(JsonNode? node)
    {
        if (node is not JsonArray { Count: > 0 } array)
            throw Fail("messages must be a non-empty array.", "messages");
        var messages = new List<ChatMessage>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject message || Get<string>(message, "role") is not { } role)
                throw Fail($"messages[{i}] must be an object with a role.", $"messages[{i}]");
            messages.Add(new ChatMessage(role, Content(message["content"], i)));
        }
        return messages;
    }

    // Content is a string or an array of parts; only text parts are supported.
    private static string Content(JsonNode? node, int index) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray parts => string.Concat(parts.Select(part =>
            part is JsonObject p && Get<string>(p, "type") == "text" && Get<string>(p, "text") is { } text
                ? text
                : throw Fail($"messages[{index}].content may hold only text parts.", $"messages[{index}].content"))),
        _ => throw Fail($"messages[{index}].content must be a string or an array of text parts.", $"messages[{index}].content"),
    };

    private static List<string> Stops(JsonNode? node) => node switch
    {
        null => [],
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray array => [.. array.Select(s => s is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw Fail("stop must hold strings.", "stop"))],
        _ => throw Fail("stop must be a string or an array of strings.", "stop"),
    };

    private static T? Get<T>(JsonObject root, string name)
    {
        var node = root[name];
        if (node is null)
            return default;
        try
        {
            return node.Deserialize<T>();
        }
        catch (JsonException)
        {
            throw Fail($"{name} has the wrong type ({node.ToJsonString()}).", name);
        }
    }

    private static ApiException Fail(string message, string? param = null) => new(ApiError.BadRequest(message, param));
}
