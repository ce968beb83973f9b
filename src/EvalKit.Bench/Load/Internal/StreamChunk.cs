using System.Text.Json;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// What the load generator reads from one <c>data:</c> event of a streamed chat completion: the first choice's
/// <c>delta.content</c> and reasoning (<c>delta.reasoning_content</c> or <c>delta.reasoning</c>), usage, or an error.
/// Fields of an unexpected shape are ignored.
/// </summary>
internal sealed record StreamChunk(string Content, string Reasoning, int? PromptTokens, int? CompletionTokens, string? Error)
{
    public static StreamChunk Parse(string data)
    {
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return new StreamChunk("", "", null, null, null);
        if (root.TryGetProperty("error", out var error))
            return new StreamChunk("", "", null, null, MessageOf(error));
        var delta = root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].ValueKind == JsonValueKind.Object && choices[0].TryGetProperty("delta", out var d) && d.ValueKind == JsonValueKind.Object
                ? d
                : default;
        var usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        return new StreamChunk(
            Text(delta, "content"),
            Text(delta, "reasoning_content") + Text(delta, "reasoning"),
            Count(usage, "prompt_tokens"),
            Count(usage, "completion_tokens"),
            null);
    }

    /// <summary>The <c>message</c> of an OpenAI-style error object, or the error as it is.</summary>
    public static string MessageOf(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) ? message.ToString() : error.ToString();

    private static string Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int? Count(JsonElement usage, string name) =>
        usage.ValueKind == JsonValueKind.Object && usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count)
            ? count
            : null;
}
