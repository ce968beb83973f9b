namespace EvalKit.Core.Backends;

/// <summary>
/// When each piece of a completion was generated: step <c>i</c> had produced <see cref="Completion.Text"/> up to
/// (not including) <c>TextEnds[i]</c> at <c>ElapsedMs[i]</c> milliseconds after the request started (the clock of
/// <see cref="Completion.TimeToFirstToken"/>). A local backend records one step per generated token (a token whose
/// text is not yet complete, such as half a UTF-8 character, adds no text); a streaming endpoint records one step per
/// received text piece, which is one token only when the step count equals <see cref="Completion.CompletionTokens"/>.
/// </summary>
public sealed record TokenTimeline
{
    /// <exception cref="ArgumentException">The lists differ in length, or an end or a time goes backwards.</exception>
    public TokenTimeline(IReadOnlyList<int> textEnds, IReadOnlyList<double> elapsedMs)
    {
        ArgumentNullException.ThrowIfNull(textEnds);
        ArgumentNullException.ThrowIfNull(elapsedMs);
        if (textEnds.Count != elapsedMs.Count)
            throw new ArgumentException("Every step needs a text end and a time.", nameof(elapsedMs));
        for (var i = 0; i < textEnds.Count; i++)
        {
            if (textEnds[i] < (i == 0 ? 0 : textEnds[i - 1]) || elapsedMs[i] < (i == 0 ? 0 : elapsedMs[i - 1]))
                throw new ArgumentException($"Step {i} goes backwards: text ends and times must not decrease.", nameof(textEnds));
        }
        (TextEnds, ElapsedMs) = (textEnds, elapsedMs);
    }

    /// <summary>For each step, the length of the completion's text once that step was added.</summary>
    public IReadOnlyList<int> TextEnds { get; }

    /// <summary>For each step, milliseconds from the start of the request.</summary>
    public IReadOnlyList<double> ElapsedMs { get; }

    /// <summary>When the character at <paramref name="index"/> of the text appeared: the time of the first step that ends beyond it; null when no step reached it.</summary>
    public double? TimeOfCharacter(int index)
    {
        for (var i = 0; i < TextEnds.Count; i++)
        {
            if (TextEnds[i] > index)
                return ElapsedMs[i];
        }
        return null;
    }

    /// <summary>True when the steps describe <paramref name="text"/>: the last step ends where the text ends.</summary>
    public bool Describes(string text) => TextEnds.Count == 0 ? text.Length == 0 : TextEnds[^1] == text.Length;
}
