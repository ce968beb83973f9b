using EvalKit.Core;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>Checks programmed pairs as a whole and drops exact repeats; every problem is reported at once.</summary>
internal static class FixturePairs
{
    public static IReadOnlyList<FixturePair> Validate(IEnumerable<FixturePair> pairs, string origin)
    {
        var problems = new List<string>();
        var byPrompt = new Dictionary<string, FixturePair>(StringComparer.Ordinal);
        var result = new List<FixturePair>();
        foreach (var pair in pairs)
        {
            if (pair.Prompt.Length == 0)
                problems.Add($"{pair.Source}: the prompt is empty; a programmed prompt needs at least one character");
            else if (pair.Prompt.Contains(FixtureVocabulary.Space) || pair.Response.Contains(FixtureVocabulary.Space))
                problems.Add($"{pair.Source}: the text contains '{FixtureVocabulary.Space}' (U+2581), which SentencePiece reads as a space");
            else if (pair.ResponseTokens is { } tokens && (tokens.Count == 0 || tokens.Any(t => t.Length == 0) || string.Concat(tokens) != pair.Response))
                problems.Add($"{pair.Source}: the response tokens must be non-empty and together spell the response");
            else if (byPrompt.TryGetValue(pair.Prompt, out var earlier))
            {
                if (earlier.Response != pair.Response || !Same(earlier.ResponseTokens, pair.ResponseTokens))
                    problems.Add($"{pair.Source}: the prompt '{Shorten(pair.Prompt)}' is also programmed by {earlier.Source} with another response");
            }
            else
            {
                byPrompt.Add(pair.Prompt, pair);
                result.Add(pair);
            }
        }
        if (problems.Count == 0 && result.Count == 0)
            problems.Add("no prompt is programmed; add 'pairs:' or 'suites:' with 'responses:'");
        if (problems.Count > 0)
            throw new EvalKitException($"{origin}: {problems.Count} problem(s) in the programmed pairs:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems), "Fix the pairs above; the fixture format is in docs/fixtures.md.");
        return result;
    }

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null || b is null ? a is null && b is null : a.SequenceEqual(b, StringComparer.Ordinal);

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
