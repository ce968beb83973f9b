using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Reports.Gates;
using EvalKit.Reports.Internal;

namespace EvalKit.Reports;

/// <summary>
/// What every report writer renders: one or more runs merged into one view. Model names are made unique across
/// runs (<c>student@RUN_ID</c> when two runs share a name; <c>student@baseline</c> in a comparison).
/// </summary>
public sealed record ReportData
{
    public required string Title { get; init; }
    public required IReadOnlyList<RunData> Runs { get; init; }

    /// <summary>Display names of the models, in report order.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Which run each display name came from, and its name inside that run.</summary>
    public required IReadOnlyDictionary<string, ModelSource> ModelSources { get; init; }

    public required IReadOnlyList<SuiteManifest> Suites { get; init; }

    /// <summary>Every sample of every run, with <see cref="SampleRecord.Model"/> set to its display name.</summary>
    public required IReadOnlyList<SampleRecord> Samples { get; init; }

    public required IReadOnlyList<SuiteMetrics> Metrics { get; init; }

    /// <summary>Each model's speed summary from its run's <c>metrics.json</c>, under its display name.</summary>
    public IReadOnlyList<ModelTiming> Timing { get; init; } = [];

    /// <summary>Candidate minus baseline per suite: within each run (teacher vs student), or across runs for <c>compare</c>.</summary>
    public required IReadOnlyList<ModelComparison> Comparisons { get; init; }

    /// <summary>Models that gates judge: all of them in a report, the candidate run's in a comparison.</summary>
    public required IReadOnlyList<string> GatedModels { get; init; }

    public IReadOnlyList<GateResult> Gates { get; init; } = [];

    /// <summary>Things a reader should know, e.g. that a suite's file changed between two compared runs.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The suite kinds whose descriptors label and format the metrics, and whose charts apply; the built-ins unless set.</summary>
    public SuiteKindCatalog Kinds { get; init; } = SuiteKindCatalog.Default;

    public bool GatesPassed => Gates.All(g => g.Passed);

    /// <summary>A report over one or more runs, keeping each run's own comparisons.</summary>
    public static ReportData FromRuns(IReadOnlyList<RunData> runs, string? title = null) => RunMerger.Merge(runs, title);

    /// <summary>A comparison: each candidate model against the baseline model of the same name (or the only one).</summary>
    public static ReportData ForComparison(RunData baseline, RunData candidate, string? title = null) =>
        RunMerger.Compare(baseline, candidate, title);
}
