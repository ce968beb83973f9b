using EvalKit.Core.Kinds;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Metrics;

/// <summary>
/// Aggregates samples into per model × suite metrics. A sample counts as a success when its score is at
/// least 0.5 (every built-in scorer gives 0 or 1), so the rate is a proportion with a Wilson interval (with repeats,
/// one that treats a case's repeats as a cluster: <see cref="RateEstimate.ClusteredWilson"/>). The suite's kind
/// (<see cref="SuiteKindCatalog"/>) names that rate and adds its own metrics.
/// </summary>
public static class MetricsCalculator
{
    /// <param name="judgements">Judge verdicts (<c>judgements.jsonl</c>) for suites with a judge; none when null.</param>
    /// <param name="catalog">The suite kinds; <see cref="SuiteKindCatalog.Default"/> when null.</param>
    public static MetricsReport Compute(
        string runId, IReadOnlyList<SuiteManifest> suites, IReadOnlyList<SampleRecord> samples, IReadOnlyList<string> modelOrder,
        IReadOnlyList<JudgementRecord>? judgements = null, SuiteKindCatalog? catalog = null)
    {
        catalog ??= SuiteKindCatalog.Default;
        var kinds = suites.ToDictionary(s => s.Id, s => s.Kind);
        var verdicts = (judgements ?? []).ToLookup(j => (j.Model, j.Suite));
        var results = samples
            .GroupBy(s => (s.Model, s.Suite))
            .Select(g =>
            {
                var metrics = ForGroup(g.Key.Model, g.Key.Suite, kinds.GetValueOrDefault(g.Key.Suite, SuiteKind.Custom), catalog, g.ToList());
                return metrics with { Judge = JudgeAgreement.From([.. verdicts[g.Key]]) };
            })
            .OrderBy(m => SuiteOrder(suites, m.Suite)).ThenBy(m => ModelOrder(modelOrder, m.Model)).ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();
        return new MetricsReport
        {
            RunId = runId,
            Suites = results,
            Comparisons = Comparisons(samples, modelOrder),
            Timing = SampleTimings.Summarise(samples, modelOrder),
        };
    }

    private static List<ModelComparison> Comparisons(IReadOnlyList<SampleRecord> samples, IReadOnlyList<string> modelOrder)
    {
        if (modelOrder.Count < 2)
            return [];
        var baseline = modelOrder[0];
        return samples
            .GroupBy(s => s.Suite)
            .SelectMany(suite => modelOrder.Skip(1).Select(candidate => ModelComparer.Compare(suite.Key, baseline, candidate, suite.ToList())))
            .ToList();
    }

    private static SuiteMetrics ForGroup(string model, string suite, SuiteKind kind, SuiteKindCatalog catalog, List<SampleRecord> samples)
    {
        var definition = catalog.For(kind);
        var scored = samples.Where(s => s.Error is null).ToList();
        var byTag = scored
            .SelectMany(s => ScoringTags.Groups(s.Tags).Select(tag => (Tag: tag, Sample: s)))
            .GroupBy(x => x.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TagMetrics(g.Key, Rate(g.Select(x => x.Sample))))
            .ToList();
        return new SuiteMetrics
        {
            Model = model,
            Suite = suite,
            Kind = kind,
            Metric = definition.DefaultMetric.Name,
            Estimate = Rate(scored),
            Samples = samples.Count,
            Errors = samples.Count - scored.Count,
            Labels = samples.GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ByTag = byTag,
            AccNorm = scored.Any(s => s.AccNorm is not null)
                ? RateEstimate.Wilson(scored.Count(s => s.AccNorm >= 0.5), scored.Count(s => s.AccNorm is not null))
                : null,
            KindMetrics = definition.Compute(samples),
            PassAtK = RepeatStatistics.PassAtK(scored),
            Repeats = RepeatStatistics.Variance(scored),
        };
    }

    // A case's repeats are one cluster: they are not independent samples, so the interval widens to match.
    private static RateEstimate Rate(IEnumerable<SampleRecord> samples) =>
        RateEstimate.ClusteredWilson(
        [
            .. samples.GroupBy(s => s.CaseId, StringComparer.Ordinal)
                .Select(c => (c.Count(s => s.Score >= 0.5 && s.Label != ScoreLabel.Error), c.Count())),
        ]);

    /// <summary>A model's place in the run's model order; models not in it sort last.</summary>
    internal static int ModelOrder(IReadOnlyList<string> modelOrder, string model)
    {
        for (var i = 0; i < modelOrder.Count; i++)
            if (modelOrder[i] == model)
                return i;
        return int.MaxValue;
    }

    private static int SuiteOrder(IReadOnlyList<SuiteManifest> suites, string id)
    {
        for (var i = 0; i < suites.Count; i++)
            if (suites[i].Id == id)
                return i;
        return int.MaxValue;
    }
}
