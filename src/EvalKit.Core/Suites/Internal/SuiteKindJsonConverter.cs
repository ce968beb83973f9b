using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalKit.Core.Suites.Internal;

/// <summary>A <see cref="SuiteKind"/> in JSON is its name, as a string (<c>"kind": "bias"</c>).</summary>
internal sealed class SuiteKindJsonConverter : JsonConverter<SuiteKind>
{
    public override SuiteKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && !string.IsNullOrWhiteSpace(name)
            ? new SuiteKind(name)
            : throw new JsonException("a suite kind must be a non-empty string");

    public override void Write(Utf8JsonWriter writer, SuiteKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
