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

    /// <summary>Run only this slice of the cases (<c>--shard K/N</c>); null runs them all.</summary>
    public Shard? Shard { get; init; }
}
