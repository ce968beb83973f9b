using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>
/// The assistant's text in a chat answer (<c>message</c>) or chunk (<c>delta</c>). Reasoning that a server's
/// reasoning parser keeps apart from the answer comes as <c>reasoning_content</c> (vLLM, llama-server, DeepSeek) or
/// <c>reasoning</c> (OpenRouter, Ollama, newer vLLM).
/// </summary>
public sealed record WireDelta
{
    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Role { get; init; }

    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Content { get; init; }

    [JsonConverter(typeof(LenientConverter<string>))]
    public string? ReasoningContent { get; init; }

    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Reasoning { get; init; }

    /// <summary>The reasoning text, whichever field carried it; empty when none.</summary>
    [JsonIgnore]
    public string ReasoningText => ReasoningContent + Reasoning;
}
