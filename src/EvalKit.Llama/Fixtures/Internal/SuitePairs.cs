using EvalKit.Core;
using EvalKit.Core.Suites;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>Turns <c>responses:</c> (suite id → case id → response) into pairs, checking both sides match exactly.</summary>
internal static class SuitePairs
{
    public static List<FixturePair> Resolve(IReadOnlyList<Suite> suites, IReadOnlyDictionary<string, Dictionary<string, string?>> responses, string specPath)
    {
        var problems = new List<string>();
        var pairs = new List<FixturePair>();
        foreach (var suite in suites)
        {
            var given = responses.GetValueOrDefault(suite.Id) ?? [];
            var caseIds = suite.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var evalCase in suite.Cases)
            {
                var source = $"suite '{suite.Id}' case '{evalCase.Id}'";
                if (evalCase.Prompt is null)
                    problems.Add($"{source} is a chat ('messages') case; fixtures program raw 'prompt' cases only");
                else if (!given.TryGetValue(evalCase.Id, out var response))
                    problems.Add($"{source} has no response under responses: {suite.Id}:");
                else if (response is null)
                    problems.Add($"{source} has an empty response value (write \"\" for an empty answer)");
                else
                    pairs.Add(new FixturePair(evalCase.Prompt, response, source));
            }
            foreach (var extra in given.Keys.Where(id => !caseIds.Contains(id)))
                problems.Add($"responses: {suite.Id}: names case '{extra}', which suite '{suite.Id}' does not have");
        }
        var suiteIds = suites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in responses.Keys.Where(id => !suiteIds.Contains(id)))
            problems.Add($"responses: names suite '{extra}', which is not among the suites listed under suites: ({string.Join(", ", suiteIds)})");
        if (problems.Count > 0)
            throw new EvalKitException($"{specPath}: {problems.Count} problem(s) matching responses to suite cases:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems),
                "Give every raw-prompt case of every listed suite exactly one response; the format is in docs/fixtures.md.");
        return pairs;
    }
}
