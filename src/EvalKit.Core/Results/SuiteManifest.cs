using EvalKit.Core.Suites;

namespace EvalKit.Core.Results;

/// <summary>What the manifest records about each suite: enough to tell whether two runs used the same one.</summary>
public sealed record SuiteManifest
{
    public required string Id { get; init; }
    public required SuiteKind Kind { get; init; }
    public required string Path { get; init; }
    public required string Digest { get; init; }
    public int Cases { get; init; }

    /// <summary>Every case id of the suite, so readers can set aside a sample of a case the suite does not have; null in older runs.</summary>
    public IReadOnlyList<string>? CaseIds { get; init; }
    public required ScorerSpec Scorer { get; init; }
    public required GenerationDefaults Defaults { get; init; }
    public JudgeSpec? Judge { get; init; }

    public static SuiteManifest From(Suite suite) => new()
    {
        Id = suite.Id,
        Kind = suite.Kind,
        Path = suite.SourcePath,
        Digest = suite.Digest,
        Cases = suite.Cases.Count,
        CaseIds = suite.Cases.Select(c => c.Id).ToList(),
        Scorer = suite.Scorer,
        Defaults = suite.Defaults,
        Judge = suite.Judge,
    };
}
