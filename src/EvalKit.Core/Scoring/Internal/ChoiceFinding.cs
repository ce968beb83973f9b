namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// The letters a reply points at (none, one, or several = ambiguous) and the kind of evidence that gave them,
/// for example "an answer statement" or "the choice text".
/// </summary>
internal sealed record ChoiceFinding(IReadOnlyList<char> Letters, string Evidence)
{
    public static ChoiceFinding None { get; } = new([], "nothing");
}
