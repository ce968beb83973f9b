using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalKit.Remote.Wire.Internal;

/// <summary><c>prompt</c>: a string, or an array holding one string; token arrays and batches are refused.</summary>
internal sealed class PromptConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        if (reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (reader.Read() && reader.TokenType == JsonTokenType.EndArray)
                return text;
        }
        throw new WireFormatException("must be a string (token arrays and batches are not supported).");
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
