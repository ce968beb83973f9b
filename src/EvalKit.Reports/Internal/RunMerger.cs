using EvalKit.Core.Metrics;
using EvalKit.Core.Results;

namespace EvalKit.Reports.Internal;

/// <summary>Builds <see cref="ReportData"/>: renames models so they are unique across runs and gathers suites.</summary>
internal static class RunMerger
{
    public static ReportData Merge(IReadOnlyList<RunData> runs, string? title)
    {
        if (runs.Count == 0)
            throw new ArgumentException("A report needs at least one run.", nameof(runs));
        var shared = runs.SelectMany(r => r.ModelNames).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var labelled = runs.Select(r => (Run: r, Rename: (Func<string, string>)(m => shared.Contains(m) ? $"{m}@{r.RunId}" : m))).ToList();
        var comparisons = labelled.SelectMany(x => x.Run.Metrics.Comparisons.Select(c =>
            c with { Baseline = x.Rename(c.Baseline), Candidate = x.Rename(c.Candidate) })).ToList();
        var data = Build(labelled, comparisons, title ?? DefaultTitle(runs));
        return data with { GatedModels = data.Models };
    }

    public static ReportData Compare(RunData baseline, RunData candidate, string? title)
    {
        Func<string, string> asBaseline = m => $"{m}@baseline", asCandidate = m => $"{m}@candidate";
        var data = Build([(baseline, asBaseline), (candidate, asCandidate)], [], title ?? $"{candidate.RunId} vs {baseline.RunId}");

        var comparisons = new List<ModelComparison>();
        foreach (var model in candidate.ModelNames)
        {
            var match = baseline.ModelNames.Contains(model) ? model : baseline.ModelNames.Count == 1 ? baseline.ModelNames[0] : null;
            if (match is null)
                continue;
            foreach (var suite in data.Suites)
            {
                var samples = data.Samples.Where(s => s.Suite == suite.Id && (s.Model == asBaseline(match) || s.Model == asCandidate(model))).ToList();
                if (samples.Any(s => s.Model == asBaseline(match)) && samples.Any(s => s.Model == asCandidate(model)))
                    comparisons.Add(ModelComparer.Compare(suite.Id, asBaseline(match), asCandidate(model), samples));
            }
        }
        return data with
        {
            Comparisons = comparisons,
            GatedModels = candidate.ModelNames.Select(asCandidate).ToList(),
            Notes = ChangedSuites(baseline, candidate),
        };
    }

    private static ReportData Build(IReadOnlyList<(RunData Run, Func<string, string> Rename)> runs, List<ModelComparison> comparisons, string title)
    {
        var sources = new Dictionary<string, ModelSource>();
        foreach (var (run, rename) in runs)
            foreach (var model in run.ModelNames)
                sources[rename(model)] = new ModelSource(run, model);
        var suites = runs.SelectMany(r => r.Run.Manifest.Suites).GroupBy(s => s.Id).Select(g => g.First()).ToList();
        return new ReportData
        {
            Title = title,
            Runs = runs.Select(r => r.Run).ToList(),
            Models = sources.Keys.ToList(),
            ModelSources = sources,
            Suites = suites,
            Samples = runs.SelectMany(r => r.Run.Samples.Select(s => s with { Model = r.Rename(s.Model) })).ToList(),
            Metrics = runs.SelectMany(r => r.Run.Metrics.Suites.Select(m => m with { Model = r.Rename(m.Model) })).ToList(),
            Timing = runs.SelectMany(r => r.Run.Metrics.Timing.Select(t => t with { Model = r.Rename(t.Model) })).ToList(),
            Comparisons = comparisons,
            GatedModels = [],
        };
    }

    private static List<string> ChangedSuites(RunData baseline, RunData candidate) =>
        baseline.Manifest.Suites
            .Join(candidate.Manifest.Suites, b => b.Id, c => c.Id, (b, c) => (b, c))
            .Where(x => x.b.Digest != x.c.Digest)
            .Select(x => $"Suite '{x.b.Id}' changed between the runs (digest {Short(x.b.Digest)} → {Short(x.c.Digest)}); cases are paired by id.")
            .ToList();

    private static string Short(string digest) => digest.Length > 12 ? digest[..12] : digest;

    private static string DefaultTitle(IReadOnlyList<RunData> runs) =>
        runs.Count == 1 ? runs[0].RunId : $"{runs.Count} runs: {string.Join(", ", runs.Select(r => r.RunId))}";
}
