namespace EvalKit.Core.Scoring.Internal;

/// <summary>The <c>contains</c> rule shared by the probe scorers: case ignored, whitespace runs as one space, blanks skipped.</summary>
internal static class ExpectedText
{
    public static IReadOnlyList<string> NonBlank(IEnumerable<string> expected) =>
        [.. expected.Where(answer => !string.IsNullOrWhiteSpace(answer))];

    /// <summary>The first of <paramref name="expected"/> found in <paramref name="reply"/>, or null.</summary>
    public static string? FirstIn(string reply, IEnumerable<string> expected)
    {
        var collapsed = TextNormalizer.CollapseWhitespace(reply.Replace('’', '\''));
        return NonBlank(expected).FirstOrDefault(answer =>
            collapsed.Contains(TextNormalizer.CollapseWhitespace(answer.Replace('’', '\'')), StringComparison.OrdinalIgnoreCase));
    }
}
