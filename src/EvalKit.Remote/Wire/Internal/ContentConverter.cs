using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalKit.Remote.Wire.Internal;

/// <summary>A chat message's <c>content</c>: a string, or an array of <c>{"type": "text", "text": …}</c> parts joined; other parts are refused.</summary>
internal sealed class ContentConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new WireFormatException("must be a string or an array of text parts.");
        var text = new StringBuilder();
        using var parts = JsonDocument.ParseValue(ref reader);
        foreach (var part in parts.RootElement.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "text" || !part.TryGetProperty("text", out var piece) || piece.ValueKind != JsonValueKind.String)
                throw new WireFormatException("may hold only text parts.");
            text.Append(piece.GetString());
        }
        return text.ToString();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
