using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>
/// The body of a <c>/completions</c> (<see cref="Prompt"/>) or <c>/chat/completions</c> (<see cref="Messages"/>)
/// request. Unset fields are not written. Reading accepts what OpenAI-compatible clients send: a prompt as a string
/// or a one-string array, stop as a string or an array, content as a string or an array of text parts.
/// </summary>
public sealed record WireRequest
{
    public string? Model { get; init; }

    [JsonConverter(typeof(PromptConverter))]
    public string? Prompt { get; init; }

    public IReadOnlyList<WireMessage>? Messages { get; init; }

    /// <summary>Passed by vLLM and llama-server to the chat template (<c>enable_thinking</c> switches Qwen3-style thinking).</summary>
    public JsonObject? ChatTemplateKwargs { get; init; }

    public int? MaxTokens { get; init; }

    public int? MaxCompletionTokens { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public long? Seed { get; init; }

    [JsonConverter(typeof(StringsConverter))]
    public IReadOnlyList<string>? Stop { get; init; }

    public int? N { get; init; }

    public bool? Stream { get; init; }

    public WireStreamOptions? StreamOptions { get; init; }

    /// <summary>Completions only: the answer starts with the prompt (its text and its log-probabilities).</summary>
    public bool? Echo { get; init; }

    /// <summary>A number of top alternatives for completions, a boolean for chat; kept as sent.</summary>
    public JsonElement? Logprobs { get; init; }
}
