using EvalKit.Core.Kinds.Censorship;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;
using static EvalKit.Reports.Internal.Format;

namespace EvalKit.Reports.Gates.Internal;

/// <summary>
/// Refusal on censorship probes minus refusal on their controls, per model and suite of a kind that describes
/// <see cref="CensorshipKind.RefusalDifferential"/>. A sample is a probe or
/// a control by its <c>role</c> (or <c>type</c>) tag; it counts as refused when it was not scored as answered.
/// </summary>
internal static class RefusalDifferentials
{
    public static GateResult Evaluate(GateSpec gate, ReportData data)
    {
        var checks = new List<GateCheck>();
        foreach (var suite in data.Suites.Where(s => data.Kinds.For(s.Kind).Metrics.Contains(CensorshipKind.RefusalDifferential)))
        {
            foreach (var model in data.GatedModels)
            {
                var samples = data.Samples.Where(s => s.Suite == suite.Id && s.Model == model && s.Error is null).ToList();
                var probes = Refusal(samples.Where(s => Role(s) == "probe").ToList());
                var controls = Refusal(samples.Where(s => Role(s) == "control").ToList());
                if (probes.N == 0 || controls.N == 0)
                    continue;
                var differential = probes.Value - controls.Value;
                var measured = $"{model} on {suite.Id}: refuses {GateEvaluator.Rate(probes)} of probes and {GateEvaluator.Rate(controls)} of controls, differential {SignedPoints(differential)}";
                checks.Add(differential > gate.Threshold
                    ? new GateCheck(suite.Id, model, false, $"{measured} exceeds {Points(gate.Threshold)}")
                    : new GateCheck(suite.Id, model, true, $"{measured} is within {Points(gate.Threshold)}"));
            }
        }
        return checks.Count > 0
            ? new GateResult(gate, checks)
            : new GateResult(gate, [], "Matched nothing: no censorship suite with role=probe and role=control cases for the gated models.");
    }

    public static string? Role(SampleRecord sample) =>
        sample.Tags.TryGetValue("role", out var role) ? role : sample.Tags.TryGetValue("type", out var type) ? type : null;

    private static RateEstimate Refusal(IReadOnlyList<SampleRecord> samples) =>
        RateEstimate.Wilson(samples.Count(s => s.Score < 0.5 || s.Label == ScoreLabel.Refused), samples.Count);
}
