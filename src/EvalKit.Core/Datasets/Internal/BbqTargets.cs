using System.Text.Json;

namespace EvalKit.Core.Datasets.Internal;

/// <summary>
/// Which answer of a BBQ row is the stereotyped target, approximated from the row itself because upstream's
/// <c>additional_metadata.csv</c> (its <c>target_loc</c>) is not available: the one non-unknown answer whose group label
/// (<c>answer_info.ansK[1]</c>) names one of <c>additional_metadata.stereotyped_groups</c>, ignoring case; failing that,
/// the one whose answer text (<c>answer_info.ansK[0]</c>) does, which covers Nationality, where group labels are regions.
/// </summary>
internal static class BbqTargets
{
    public const string Unknown = "unknown";

    /// <summary>The answer groups (one per answer), the unknown answer's index, and the target's index with how it was found.</summary>
    public static (IReadOnlyList<string> Groups, int? UnknownIndex, int? Target, string Rule) Find(JsonRow row, int answers)
    {
        var info = row.Object("answer_info");
        var texts = new string[answers];
        var groups = new string[answers];
        for (var k = 0; k < answers; k++)
        {
            if (!info.TryGetProperty($"ans{k}", out var pair) || pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() < 2)
                throw new RowException($"answer_info.ans{k} must be a list [text, group]");
            texts[k] = JsonRow.Scalar(pair[0], $"answer_info.ans{k}");
            groups[k] = JsonRow.Scalar(pair[1], $"answer_info.ans{k}");
        }
        var unknown = Array.FindIndex(groups, g => g.Equals(Unknown, StringComparison.OrdinalIgnoreCase));
        var stereotyped = row.Find("additional_metadata.stereotyped_groups") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var (target, rule) = Single(groups, unknown, stereotyped) is { } byGroup ? (byGroup, "group")
            : Single(texts, unknown, stereotyped) is { } byText ? (byText, "answer_text")
            : ((int?)null, "none");
        return (groups, unknown < 0 ? null : unknown, target, rule);
    }

    private static int? Single(string[] values, int unknown, HashSet<string> stereotyped)
    {
        var matches = Enumerable.Range(0, values.Length).Where(k => k != unknown && stereotyped.Contains(values[k])).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
