using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>
/// A whole answer, one streamed chunk, or an error (<c>{"error": …}</c>, as an HTTP error body or inside a stream).
/// Reading is lenient: a field of an unexpected shape reads as absent, so a server's extra or odd fields never break
/// a stream.
/// </summary>
public sealed record WireResponse
{
    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Id { get; init; }

    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Object { get; init; }

    [JsonConverter(typeof(LenientConverter<long?>))]
    public long? Created { get; init; }

    [JsonConverter(typeof(LenientConverter<string>))]
    public string? Model { get; init; }

    [JsonConverter(typeof(LenientConverter<IReadOnlyList<WireChoice>>))]
    public IReadOnlyList<WireChoice>? Choices { get; init; }

    [JsonConverter(typeof(LenientConverter<WireUsage>))]
    public WireUsage? Usage { get; init; }

    public WireError? Error { get; init; }
}
