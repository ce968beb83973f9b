using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;

namespace EvalKit.Core.Metrics;

/// <summary>Pairs two models' samples case by case and computes <see cref="ModelComparison"/>.</summary>
public static class ModelComparer
{
    public static ModelComparison Compare(string suite, string baseline, string candidate, IReadOnlyList<SampleRecord> suiteSamples)
    {
        var pairs = Pairs(suiteSamples, baseline, candidate);
        var byTag = pairs
            .SelectMany(p => ScoringTags.Groups(p.Baseline.Tags).Select(tag => (Tag: tag, Pair: p)))
            .GroupBy(x => x.Tag, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Difference(g.Key, g.Select(x => x.Pair).ToList()))
            .ToList();
        var adjusted = BenjaminiHochberg.Adjust(byTag.Select(d => d.McNemarP).ToList());
        byTag = byTag.Select((d, i) => d with { AdjustedP = adjusted[i] }).ToList();

        return new ModelComparison
        {
            Suite = suite,
            Baseline = baseline,
            Candidate = candidate,
            Overall = Difference("all", pairs),
            ByTag = byTag,
            AnswerAgreement = pairs.Count == 0 ? double.NaN : pairs.Count(p => Answer(p.Baseline) == Answer(p.Candidate)) / (double)pairs.Count,
            Kappa = CohensKappa.Compute(pairs.Select(p => Answer(p.Baseline)).ToList(), pairs.Select(p => Answer(p.Candidate)).ToList()),
            CorrectnessKappa = CohensKappa.Compute(pairs.Select(p => Right(p.Baseline)).ToList(), pairs.Select(p => Right(p.Candidate)).ToList()),
            OnlyBaselineCases = pairs.Where(p => Right(p.Baseline) && !Right(p.Candidate)).Select(p => p.Baseline.CaseId).ToList(),
            OnlyCandidateCases = pairs.Where(p => !Right(p.Baseline) && Right(p.Candidate)).Select(p => p.Baseline.CaseId).ToList(),
        };
    }

    private static List<(SampleRecord Baseline, SampleRecord Candidate)> Pairs(IReadOnlyList<SampleRecord> samples, string baseline, string candidate)
    {
        // Only cases both models answered (no request error) are paired; a pair per case and repeat.
        var candidates = samples.Where(s => s.Model == candidate && s.Error is null).ToDictionary(s => (s.CaseId, s.Repeat));
        return samples
            .Where(s => s.Model == baseline && s.Error is null)
            .Where(s => candidates.ContainsKey((s.CaseId, s.Repeat)))
            .Select(s => (s, candidates[(s.CaseId, s.Repeat)]))
            .ToList();
    }

    private static PairedDifference Difference(string group, IReadOnlyList<(SampleRecord Baseline, SampleRecord Candidate)> pairs)
    {
        var flips = new FlipTable(
            pairs.Count(p => Right(p.Baseline) && Right(p.Candidate)),
            pairs.Count(p => Right(p.Baseline) && !Right(p.Candidate)),
            pairs.Count(p => !Right(p.Baseline) && Right(p.Candidate)),
            pairs.Count(p => !Right(p.Baseline) && !Right(p.Candidate)));
        var (mean, low, high) = DifferenceInterval(pairs);
        return new PairedDifference
        {
            Group = group,
            N = pairs.Count,
            BaselineRate = pairs.Count == 0 ? double.NaN : pairs.Average(p => p.Baseline.Score),
            CandidateRate = pairs.Count == 0 ? double.NaN : pairs.Average(p => p.Candidate.Score),
            Difference = mean,
            Low = low,
            High = high,
            McNemarP = McNemarPValue(pairs),
            Flips = flips,
        };
    }

    // With repeats, a case's pairs are one cluster and are resampled together (ClusterBootstrap); without, the
    // ordinary paired bootstrap.
    private static (double Mean, double Low, double High) DifferenceInterval(IReadOnlyList<(SampleRecord Baseline, SampleRecord Candidate)> pairs)
    {
        var cases = pairs.GroupBy(p => p.Baseline.CaseId, StringComparer.Ordinal).ToList();
        if (cases.All(c => c.Count() == 1))
            return PairedBootstrap.MeanDifference([.. pairs.Select(p => p.Baseline.Score)], [.. pairs.Select(p => p.Candidate.Score)]);
        return ClusterBootstrap.RatioOfSums([.. cases.Select(c => c.Sum(p => p.Candidate.Score - p.Baseline.Score))], [.. cases.Select(c => c.Count())]);
    }

    // McNemar's test needs independent pairs: with repeats it uses each case's first repeat only.
    private static double McNemarPValue(IReadOnlyList<(SampleRecord Baseline, SampleRecord Candidate)> pairs)
    {
        var first = pairs.GroupBy(p => p.Baseline.CaseId, StringComparer.Ordinal).Select(c => c.MinBy(p => p.Baseline.Repeat)).ToList();
        return McNemarTest.ExactPValue(first.Count(p => Right(p.Baseline) && !Right(p.Candidate)), first.Count(p => !Right(p.Baseline) && Right(p.Candidate)));
    }

    private static bool Right(SampleRecord sample) => sample.Score >= 0.5 && sample.Label != ScoreLabel.Error;

    // The extracted answer when the scorer read one; otherwise the text itself, marked so that a completion reading
    // "B" never equals an extracted letter B of a reply the scorer could read.
    private static string Answer(SampleRecord sample) => sample.Extracted is { } extracted
        ? "extracted:" + extracted
        : "text:" + string.Join(' ', sample.Completion.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
