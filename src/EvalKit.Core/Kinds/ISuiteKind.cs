using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds;

/// <summary>
/// A suite kind (<c>kind:</c> in a suite file): the question its suites answer, their default metric, the kind's own
/// metrics and how they are computed from samples. Each kind lives in one folder under <c>Kinds/</c> and is listed in
/// <see cref="SuiteKindCatalog"/>; console, HTML, Markdown and gates read its descriptors (docs/architecture.md).
/// </summary>
public interface ISuiteKind
{
    /// <summary>The name suite files and metrics.json use (<c>bias</c>).</summary>
    SuiteKind Id { get; }

    /// <summary>The success rate of its suites (samples scoring at least 0.5): <c>accuracy</c>, <c>correct_rate</c>, …; higher is better.</summary>
    MetricDescriptor DefaultMetric { get; }

    /// <summary>The headline metrics <see cref="Compute"/> gives, in the order summaries show them; breakdowns (<c>name/tag=value</c>) need none.</summary>
    IReadOnlyList<MetricDescriptor> Metrics => [];

    /// <summary>Ids of the report's kind-specific charts that show this kind's suites (<c>bias</c>, <c>hallucination</c>, …).</summary>
    IReadOnlyList<string> Charts => [];

    /// <summary>The kind's metrics for one model on one suite, by name (<see cref="Metrics"/> plus breakdowns); failed samples included, to be set aside.</summary>
    IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples) => new Dictionary<string, KindMetric>();
}
