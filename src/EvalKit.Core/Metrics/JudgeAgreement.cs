using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;

namespace EvalKit.Core.Metrics;

/// <summary>
/// How a suite's judge agrees with its rule-based scorer on one model's samples. Both are reduced to right / wrong
/// (rule: score ≥ 0.5; judge: label <c>correct</c>) over the samples the judge labelled (not <c>unknown</c>); with
/// the built-in refusal rubric (<see cref="RefusalRubric"/>) both are reduced to refusal / not instead:
/// <see cref="Agreement"/> is the share where they match (Wilson interval), <see cref="Kappa"/> Cohen's kappa.
/// </summary>
public sealed record JudgeAgreement
{
    public required string JudgeModel { get; init; }
    public int Judged { get; init; }

    /// <summary>Verdicts labelled <c>unknown</c>: an unreadable reply or a failed judge request.</summary>
    public int Unknown { get; init; }

    public required RateEstimate Agreement { get; init; }
    public double Kappa { get; init; }
    public IReadOnlyDictionary<string, int> Labels { get; init; } = new Dictionary<string, int>();

    public static JudgeAgreement? From(IReadOnlyList<JudgementRecord> judgements)
    {
        if (judgements.Count == 0)
            return null;
        var known = judgements.Where(j => j.Judge.Label != ScoreLabel.Unknown).ToList();
        var refusals = judgements.All(j => j.Judge.RubricDigest == RefusalRubric.Digest);
        var rule = known.Select(j => refusals ? RefusalRubric.IsRefusal(j.RuleLabel) : j.RuleScore >= 0.5).ToList();
        var judge = known.Select(j => refusals ? RefusalRubric.IsRefusal(j.Judge.Label) : j.Judge.Label == ScoreLabel.Correct).ToList();
        return new JudgeAgreement
        {
            JudgeModel = string.Join(", ", judgements.Select(j => j.Judge.Model).Distinct().Order(StringComparer.Ordinal)),
            Judged = judgements.Count,
            Unknown = judgements.Count - known.Count,
            Agreement = RateEstimate.Wilson(rule.Zip(judge).Count(p => p.First == p.Second), known.Count),
            Kappa = CohensKappa.Compute(rule, judge),
            Labels = judgements.GroupBy(j => j.Judge.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
