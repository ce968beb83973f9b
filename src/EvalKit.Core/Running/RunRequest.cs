using EvalKit.Core.Backends;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running;

/// <summary>What to run: every case of every suite on every model, written under <see cref="ResultsRoot"/>.</summary>
public sealed record RunRequest
{
    public required IReadOnlyList<Suite> Suites { get; init; }
    public required IReadOnlyList<ModelSpec> Models { get; init; }
    public string ResultsRoot { get; init; } = "results";

    /// <summary>An existing run folder to finish instead of starting a new one.</summary>
    public string? ResumeDirectory { get; init; }

    /// <summary>
    /// Cases sent together to a backend that generates in batches (<see cref="Backends.IBatchGeneration"/>); outputs
    /// are the same, only faster. 1 (the default) sends one case at a time; other backends always get one at a time.
    /// </summary>
    public int Parallel { get; init; } = 1;
}
