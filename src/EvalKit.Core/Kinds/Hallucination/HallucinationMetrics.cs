using EvalKit.Core.Metrics;
using EvalKit.Core.Metrics.Internal;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Kinds.Hallucination;

/// <summary>
/// Metrics of a hallucination suite scored SimpleQA-style (labels <c>correct</c>, <c>incorrect</c>, <c>abstained</c>;
/// Wei et al. 2024): <c>hallucination_rate</c> = incorrect / attempted (attempted = correct + incorrect), reported with
/// <c>abstention_rate</c> = abstained / graded beside it, since a model can lower the first by abstaining on everything.
/// With probes (tag <c>type: probe</c>, no true answer): <c>probe_hallucination_rate</c> = inventions / probes, and,
/// when controls exist too, <c>control_abstention_rate</c> = abstentions / answerable controls (over-abstention).
/// HaluEval-style detection cases (tag <c>hallucination: yes|no</c>: "does this response contain a hallucination?") measure
/// how well the model spots hallucinations, not how often it hallucinates: they give <c>detection_error_rate</c> =
/// wrong verdicts / graded detection cases (1 − HaluEval accuracy; Li et al. 2023, §3) and are left out of the rates above.
/// All are proportions with Wilson intervals.
/// </summary>
public static class HallucinationMetrics
{
    public static IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples)
    {
        var all = SampleTags.Graded(samples)
            .Where(s => s.Label is ScoreLabel.Correct or ScoreLabel.Incorrect or ScoreLabel.Abstained).ToList();
        var detection = all.Where(s => SampleTags.Get(s, "hallucination") is "yes" or "no").ToList();
        var graded = all.Except(detection).ToList();
        var metrics = new OrderedDictionary<string, KindMetric>();
        if (detection.Count > 0)
        {
            metrics[HallucinationKind.DetectionErrorRate.Name] = KindMetric.Rate(detection.Count(s => !SampleTags.Right(s)), detection.Count);
            if (graded.Count == 0)
                return metrics;
        }
        var attempted = graded.Count(s => s.Label != ScoreLabel.Abstained);
        metrics[HallucinationKind.HallucinationRate.Name] = KindMetric.Rate(Count(graded, ScoreLabel.Incorrect), attempted);
        metrics[HallucinationKind.AbstentionRate.Name] = KindMetric.Rate(Count(graded, ScoreLabel.Abstained), graded.Count);

        var probes = graded.Where(s => SampleTags.Is(s, "type", "probe")).ToList();
        var controls = graded.Except(probes).ToList();
        if (probes.Count > 0)
        {
            metrics[HallucinationKind.ProbeHallucinationRate.Name] = KindMetric.Rate(Count(probes, ScoreLabel.Incorrect), probes.Count);
            if (controls.Count > 0)
                metrics[HallucinationKind.ControlAbstentionRate.Name] = KindMetric.Rate(Count(controls, ScoreLabel.Abstained), controls.Count);
        }
        return metrics;
    }

    private static int Count(List<SampleRecord> samples, string label) => samples.Count(s => s.Label == label);
}
