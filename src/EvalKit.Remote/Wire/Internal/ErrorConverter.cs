using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalKit.Remote.Wire.Internal;

/// <summary>Reads an error object (any field of another shape kept as its JSON text) or a bare string; writes every field.</summary>
internal sealed class ErrorConverter : JsonConverter<WireError>
{
    public override WireError Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var error = document.RootElement;
        if (error.ValueKind != JsonValueKind.Object)
            return new WireError(Text(error) ?? "");
        return new WireError(Field(error, "message") ?? error.GetRawText(), Field(error, "type"), Field(error, "param"), Field(error, "code"));
    }

    public override void Write(Utf8JsonWriter writer, WireError value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("message", value.Message);
        writer.WriteString("type", value.Type);
        writer.WriteString("param", value.Param);
        writer.WriteString("code", value.Code);
        writer.WriteEndObject();
    }

    private static string? Field(JsonElement error, string name) => error.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
