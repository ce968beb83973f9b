using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>
/// One choice: <see cref="Text"/> for completions, <see cref="Delta"/> in chat chunks, <see cref="Message"/> in whole
/// chat answers. <c>logprobs</c> and <c>finish_reason</c> are always written, null when there are none, as OpenAI does.
/// </summary>
public sealed record WireChoice
{
    public int Index { get; init; }

    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Text { get; init; }

    [JsonConverter(typeof(LenientConverter<WireDelta>))]
    public WireDelta? Delta { get; init; }

    [JsonConverter(typeof(LenientConverter<WireDelta>))]
    public WireDelta? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(LenientConverter<WireLogProbs>))]
    public WireLogProbs? Logprobs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    [JsonConverter(typeof(LenientConverter<string>))]
    public string? FinishReason { get; init; }
}
