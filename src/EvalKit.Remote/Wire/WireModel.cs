namespace EvalKit.Remote.Wire;

/// <summary>One entry of <see cref="WireModels"/>.</summary>
public sealed record WireModel(string Id, string Object, long Created, string OwnedBy);
