using System.Text.Json.Serialization;
using EvalKit.Remote.Wire.Internal;

namespace EvalKit.Remote.Wire;

/// <summary>
/// An OpenAI-style error: <c>{"message", "type", "param", "code"}</c>. Read leniently (an error given as a bare
/// string is its message; a numeric code is kept as text); written with every field, null ones included.
/// </summary>
[JsonConverter(typeof(ErrorConverter))]
public sealed record WireError(string Message, string? Type = null, string? Param = null, string? Code = null);
