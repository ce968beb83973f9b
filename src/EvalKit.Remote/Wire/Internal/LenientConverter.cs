using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EvalKit.Remote.Wire.Internal;

/// <summary>
/// Reads a value of the JSON kind <typeparamref name="T"/> expects (string, number, array or object) as usual and
/// skips anything else as absent: servers add fields of their own shapes, and an answer's text must not be lost to
/// one of them. Writes as usual.
/// </summary>
internal sealed class LenientConverter<T> : JsonConverter<T>
{
    private static readonly JsonTokenType _expected =
        typeof(T) == typeof(string) ? JsonTokenType.String
        : Nullable.GetUnderlyingType(typeof(T)) is { IsPrimitive: true } || typeof(T).IsPrimitive ? JsonTokenType.Number
        : typeof(IEnumerable).IsAssignableFrom(typeof(T)) ? JsonTokenType.StartArray
        : JsonTokenType.StartObject;

    public override bool HandleNull => false;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != _expected)
        {
            reader.Skip();
            return default;
        }
        if (_expected == JsonTokenType.Number && !FitsInteger(reader))
            return default;
        return JsonSerializer.Deserialize(ref reader, TypeInfo(options));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TypeInfo(options));

    private static JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static bool FitsInteger(Utf8JsonReader reader) =>
        (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)) == typeof(long) ? reader.TryGetInt64(out _) : reader.TryGetInt32(out _);
}
