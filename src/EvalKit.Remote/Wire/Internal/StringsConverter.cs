using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalKit.Remote.Wire.Internal;

/// <summary><c>stop</c>: a string or an array of strings; written as an array.</summary>
internal sealed class StringsConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return [reader.GetString()!];
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new WireFormatException("must be a string or an array of strings.");
        var strings = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            strings.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new WireFormatException("must hold strings."));
        return strings;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var text in value)
            writer.WriteStringValue(text);
        writer.WriteEndArray();
    }
}
