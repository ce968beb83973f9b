using EvalKit.Core.Kinds.Accuracy;
using EvalKit.Core.Kinds.Bias;
using EvalKit.Core.Kinds.Censorship;
using EvalKit.Core.Kinds.Custom;
using EvalKit.Core.Kinds.Hallucination;
using EvalKit.Core.Metrics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds;

/// <summary>
/// The suite kinds a build knows, in the order error messages list them. <see cref="Default"/> holds the built-ins;
/// a test (or an embedding program) adds its own with <see cref="With"/> and passes the catalog to the suite loader
/// (<see cref="SuiteLoadOptions.Kinds"/>), <see cref="MetricsCalculator"/> and the report (<c>ReportData.Kinds</c>).
/// </summary>
public sealed class SuiteKindCatalog
{
    private static readonly ISuiteKind _fallback = new CustomKind();

    public static SuiteKindCatalog Default { get; } = new(
    [
        new AccuracyKind(),
        new HallucinationKind(),
        new BiasKind(),
        new CensorshipKind(),
        new CustomKind(),
    ]);

    public SuiteKindCatalog(IReadOnlyList<ISuiteKind> kinds)
    {
        if (kinds.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"suite kind '{twice.Key}' is listed twice", nameof(kinds));
        Kinds = kinds;
    }

    public IReadOnlyList<ISuiteKind> Kinds { get; }

    public IReadOnlyList<string> Names => [.. Kinds.Select(k => k.Id.Name)];

    /// <summary>The default metric names of all kinds, each once: what gates may name.</summary>
    public IReadOnlyList<string> DefaultMetricNames => [.. Kinds.Select(k => k.DefaultMetric.Name).Distinct()];

    /// <summary>This catalog and one more kind.</summary>
    public SuiteKindCatalog With(ISuiteKind kind) => new([.. Kinds, kind]);

    public ISuiteKind? Find(string name) => Kinds.FirstOrDefault(k => k.Id.Name == name);

    /// <summary>The kind's definition; a kind this build does not know (a run written by another build) counts as <c>custom</c>.</summary>
    public ISuiteKind For(SuiteKind kind) => Find(kind.Name) ?? _fallback;

    /// <summary>The descriptor of a metric by name, default or kind metric of any kind; a name none describes reads as itself, as a plain number.</summary>
    public MetricDescriptor Metric(string name) =>
        Kinds.SelectMany(k => k.Metrics.Prepend(k.DefaultMetric)).FirstOrDefault(d => d.Name == name) ?? MetricDescriptor.Plain(name);

    /// <summary>
    /// The kind metrics a summary shows for one suite's models, in the order computed: headline names (no <c>/</c>
    /// breakdown) with a value for at least one model.
    /// </summary>
    public IReadOnlyList<MetricDescriptor> Shown(IEnumerable<SuiteMetrics> models) =>
    [
        .. models.SelectMany(m => m.KindMetrics)
            .Where(pair => !pair.Key.Contains('/') && !double.IsNaN(pair.Value.Value))
            .Select(pair => pair.Key)
            .Distinct(StringComparer.Ordinal)
            .Select(Metric),
    ];
}
