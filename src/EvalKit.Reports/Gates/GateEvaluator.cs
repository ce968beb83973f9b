using EvalKit.Core.Metrics;
using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;
using EvalKit.Reports.Gates.Internal;
using static EvalKit.Reports.Internal.Format;

namespace EvalKit.Reports.Gates;

/// <summary>
/// Decides gates on a report's data. The rules (also in docs/reports.md):
/// <list type="bullet">
/// <item><c>fail_if</c> compares the point estimate with the threshold (the interval is given in the reason).</item>
/// <item><c>max_regression</c> passes only when the lower bound of the paired 95% interval of candidate − baseline is
/// at least −AMOUNT: the data must rule out a regression larger than the allowance. Its reason says "regressed" only
/// when the verdict is <c>worse</c> (McNemar's exact p &lt; 0.05, <see cref="PairedDifference.Verdict"/>).</item>
/// <item><c>max_refusal_differential</c> compares refusal on probes minus refusal on controls (point estimates) with the limit.</item>
/// </list>
/// Gates judge <see cref="ReportData.GatedModels"/> only. A gate that matches nothing fails, so a typo cannot pass silently.
/// </summary>
public static class GateEvaluator
{
    public static IReadOnlyList<GateResult> Evaluate(IReadOnlyList<GateSpec> gates, ReportData data) =>
        gates.Select(g => g.Kind switch
        {
            GateKind.FailIf => FailIf(g, data),
            GateKind.MaxRegression => MaxRegression(g, data),
            _ => RefusalDifferentials.Evaluate(g, data),
        }).ToList();

    private static GateResult FailIf(GateSpec gate, ReportData data)
    {
        var targets = data.Metrics
            .Where(m => m.Metric == gate.Metric && (gate.Suite is null || m.Suite == gate.Suite) && data.GatedModels.Contains(m.Model))
            .ToList();
        if (targets.Count == 0)
            return new GateResult(gate, [], NothingMatched(gate, data));
        var metric = data.Kinds.Metric(gate.Metric!);
        return new GateResult(gate, targets.Select(m => ThresholdCheck(gate, metric, m)).ToList());
    }

    private static GateCheck ThresholdCheck(GateSpec gate, MetricDescriptor metric, SuiteMetrics m)
    {
        var e = m.Estimate;
        if (e.N == 0)
            return new GateCheck(m.Suite, m.Model, false, $"{m.Model} on {m.Suite}: no scored samples, so {gate.Metric} is unknown");
        var hit = gate.Operator switch
        {
            "<" => e.Value < gate.Threshold,
            "<=" => e.Value <= gate.Threshold,
            ">" => e.Value > gate.Threshold,
            _ => e.Value >= gate.Threshold,
        };
        var threshold = metric.Value(gate.Threshold, MetricStyle.Report);
        var measured = $"{m.Model} on {m.Suite}: {gate.Metric} {metric.Value(e.Value, MetricStyle.Report)} {metric.Interval(e.Low, e.High, MetricStyle.Report)} n={e.N}";
        return new GateCheck(m.Suite, m.Model, !hit, hit
            ? $"{measured} is {gate.Operator} {threshold}"
            : $"{measured} is not {gate.Operator} {threshold}");
    }

    private static GateResult MaxRegression(GateSpec gate, ReportData data)
    {
        var kinds = data.Suites.ToDictionary(s => s.Id, s => s.Kind);
        var targets = data.Comparisons
            .Where(c => (gate.Suite is null || c.Suite == gate.Suite) && data.GatedModels.Contains(c.Candidate))
            .Where(c => data.Kinds.For(kinds.GetValueOrDefault(c.Suite, SuiteKind.Custom)).DefaultMetric.Name == gate.Metric)
            .ToList();
        if (targets.Count == 0)
            return new GateResult(gate, [], NothingMatched(gate, data) + " A regression gate needs two models in one run (the first is the baseline) or `evalkit compare`.");
        return new GateResult(gate, targets.Select(c => RegressionCheck(gate, c)).ToList());
    }

    private static GateCheck RegressionCheck(GateSpec gate, ModelComparison c)
    {
        var d = c.Overall;
        var who = $"{c.Candidate} vs {c.Baseline} on {c.Suite}";
        if (d.N == 0 || double.IsNaN(d.Low))
            return new GateCheck(c.Suite, c.Candidate, false, $"{who}: no cases both answered, so a regression cannot be ruled out");
        var measured = $"{who}: {gate.Metric} {SignedPoints(d.Difference)} {PointsInterval(d.Low, d.High)} McNemar p={P(d.McNemarP)} n={d.N}";
        var allowed = $"{Points(gate.Threshold)} allowed";
        if (d.Low >= -gate.Threshold)
            return new GateCheck(c.Suite, c.Candidate, true, $"{measured}: within the {allowed}");
        // Saying "regressed" is a verdict, so it follows the verdict rule (McNemar's exact test); the gate itself still
        // fails whenever the interval cannot rule out a regression beyond the allowance.
        return new GateCheck(c.Suite, c.Candidate, false, d.High < -gate.Threshold && d.Verdict == ComparisonVerdict.Worse
            ? $"{measured}: regressed by more than the {allowed}"
            : $"{measured}: cannot rule out a regression beyond the {allowed} (more cases narrow the interval)");
    }

    internal static string NothingMatched(GateSpec gate, ReportData data)
    {
        if (gate.Suite is not null && data.Suites.All(s => s.Id != gate.Suite))
            return $"Matched nothing: no suite '{gate.Suite}' in these runs (suites: {string.Join(", ", data.Suites.Select(s => s.Id))}).";
        var metrics = data.Metrics.Select(m => m.Metric).Distinct().ToList();
        return $"Matched nothing: no suite here reports '{gate.Metric}' for the gated models (metrics here: {string.Join(", ", metrics)}).";
    }

    internal static string Rate(RateEstimate e) => $"{Percent(e.Value)} {Interval(e.Low, e.High)} n={e.N}";
}
