using EvalKit.Core.Backends;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running;

/// <summary>What to run: every case of every suite on every model, written under <see cref="ResultsRoot"/>.</summary>
public sealed record RunRequest
{
    public required IReadOnlyList<Suite> Suites { get; init; }
    public required IReadOnlyList<ModelSpec> Models { get; init; }

    /// <summary>Judge-only models (<c>run --judge NAME=SOURCE</c>): they grade the suites that name them, and answer no case.</summary>
    public IReadOnlyList<ModelSpec> Judges { get; init; } = [];
    public string ResultsRoot { get; init; } = "results";

    /// <summary>
    /// How many times each case is run per model; repeat r uses the suite's seed + r, so with temperature above 0
    /// the repeats are different samples (pass@k, per-case variance) and with temperature 0 they check determinism.
    /// </summary>
    public int Repeats { get; init; } = 1;

    /// <summary>An existing run folder to finish instead of starting a new one.</summary>
    public string? ResumeDirectory { get; init; }

    /// <summary>
    /// Requests kept in flight: the next case is sent as soon as any ends, and the backend batches what is in flight
    /// (a local model loaded with as many slots decodes them together). 1 (the default) sends one case at a time.
    /// </summary>
    public int Parallel { get; init; } = 1;

    /// <summary>The user allowed model-written code to run without a sandbox where none works (recorded in run.json).</summary>
    public bool UnsafeCode { get; init; }

    /// <summary>
    /// Wraps each model's lazily loaded backend before the run uses it, as Microsoft.Extensions.AI's
    /// <c>ChatClientBuilder.Use</c> composes clients: the CLI puts the response cache in front
    /// (<c>EvalKit.Caching.CachingBackend</c>). Null uses the backend as it is (<c>--no-cache</c>: every case generated).
    /// </summary>
    public Func<LazyBackend, IModelBackend>? Decorate { get; init; }

    /// <summary>
    /// Stop the run, resumably, once the estimated spend of its generated samples (priced models only) passes this
    /// amount (<c>run --max-cost</c>); null for no limit.
    /// </summary>
    public double? MaxCost { get; init; }

    /// <summary>Run only this slice of the cases (<c>--shard K/N</c>); null runs them all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Hears which cases are open and when models load, as the run goes; null for none.</summary>
    public IRunObserver? Observer { get; init; }
}
