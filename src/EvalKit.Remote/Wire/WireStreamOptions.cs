namespace EvalKit.Remote.Wire;

/// <summary><c>stream_options</c>: <see cref="IncludeUsage"/> asks for a last chunk carrying the token usage.</summary>
public sealed record WireStreamOptions(bool? IncludeUsage);
