using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalKit.Remote.Wire;

/// <summary>
/// The one JSON contract of the OpenAI wire (source-generated): snake_case names, unset fields left out. The
/// backend, the load generator and <c>serve</c> all read and write through it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireRequest))]
[JsonSerializable(typeof(WireResponse))]
[JsonSerializable(typeof(WireModels))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(string))]
public sealed partial class WireJson : JsonSerializerContext
{
    /// <exception cref="JsonException">The text is not JSON of the expected shape.</exception>
    public static WireResponse Response(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Default.WireResponse) ?? throw new JsonException("null is not an answer.");

    /// <summary>The message of an OpenAI-style error body, or null when <paramref name="body"/> is not one.</summary>
    public static string? ErrorMessage(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, Default.WireResponse)?.Error?.Message;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
