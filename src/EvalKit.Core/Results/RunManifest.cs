using EvalKit.Core.Backends;

namespace EvalKit.Core.Results;

/// <summary><c>run.json</c>: everything needed to reproduce a run and to tell two runs apart.</summary>
public sealed record RunManifest
{
    public const string FileName = "run.json";
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public required string EvalkitVersion { get; init; }
    public required HostInfo Host { get; init; }
    public int Repeats { get; init; } = 1;
    public required IReadOnlyList<SuiteManifest> Suites { get; init; }

    /// <summary>Model specs as given (name = source); filled in with <see cref="ModelInfo"/> as each model loads.</summary>
    public required IReadOnlyList<ModelSpec> ModelSpecs { get; init; }

    public IReadOnlyList<ModelInfo> Models { get; init; } = [];

    /// <summary>Judge-only models as given (<c>run --judge</c>): they grade, and answer no case; null when none.</summary>
    public IReadOnlyList<ModelSpec>? JudgeSpecs { get; init; }

    /// <summary>The slice of the cases this run holds (<c>--shard K/N</c>); null for all of them.</summary>
    public Running.Shard? Shard { get; init; }

    /// <summary>True when the run allowed model-written code to run without a sandbox (<c>run --unsafe-code</c>); null otherwise.</summary>
    public bool? UnsafeCode { get; init; }

    /// <summary>For a run made by <c>evalkit merge</c>: the run ids of the shards it combines.</summary>
    public IReadOnlyList<string>? MergedFrom { get; init; }
}
