using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>The token counts a server reports; a count of an unexpected shape reads as absent.</summary>
public sealed record WireUsage
{
    [JsonConverter(typeof(LenientConverter<int?>))]
    public int? PromptTokens { get; init; }

    [JsonConverter(typeof(LenientConverter<int?>))]
    public int? CompletionTokens { get; init; }

    [JsonConverter(typeof(LenientConverter<int?>))]
    public int? TotalTokens { get; init; }
}
