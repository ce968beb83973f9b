using EvalKit.Core.Results;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Metrics.Internal;

/// <summary>Tag and label reads shared by the kind metrics.</summary>
internal static class SampleTags
{
    /// <summary>The tag's value, trimmed and lower-cased; null when absent.</summary>
    public static string? Get(SampleRecord sample, string key) =>
        sample.Tags.TryGetValue(key, out var value) ? value.Trim().ToLowerInvariant() : null;

    public static bool Is(SampleRecord sample, string key, string value) => Get(sample, key) == value;

    /// <summary>Graded samples: the request worked and the scorer could grade it.</summary>
    public static List<SampleRecord> Graded(IEnumerable<SampleRecord> samples) =>
        [.. samples.Where(s => s.Error is null && s.Label is not (ScoreLabel.Error or ScoreLabel.Unknown))];

    public static bool Right(SampleRecord sample) => sample.Score >= 0.5;

    /// <summary>Each value of the tag with its samples, in ordinal order of the value.</summary>
    public static IEnumerable<(string Value, List<SampleRecord> Samples)> GroupsOf(IEnumerable<SampleRecord> samples, string key) =>
        samples.Where(s => Get(s, key) is { Length: > 0 })
            .GroupBy(s => Get(s, key)!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList()));
}
