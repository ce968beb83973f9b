using System.Text.Json;

namespace EvalKit.Remote.Wire.Internal;

/// <summary>A field of a request has a shape the wire does not accept; the message says which shapes it does (the field's name comes from <see cref="JsonException.Path"/>).</summary>
internal sealed class WireFormatException(string message) : JsonException(message)
{
}
