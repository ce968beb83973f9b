namespace EvalKit.Remote.Wire;

/// <summary>The answer of <c>GET /models</c>: <c>{"object": "list", "data": [...]}</c>.</summary>
public sealed record WireModels(string Object, IReadOnlyList<WireModel> Data);
