using EvalKit.Core.Metrics;
using EvalKit.Core.Results;

namespace EvalKit.Core.Running;

/// <summary>What a finished run leaves behind.</summary>
public sealed record RunResult(RunDirectory Directory, RunManifest Manifest, MetricsReport Metrics);
