using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>One message of a chat request; <see cref="Content"/> read from a string or from an array of text parts.</summary>
public sealed record WireMessage(string? Role, [property: JsonConverter(typeof(ContentConverter))] string? Content);
