using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using EvalKit.Bench.Internal;

namespace EvalKit.Bench;

/// <summary>
/// The BenchmarkDotNet benchmark behind <see cref="BenchRunner"/>: one invocation is one repetition of one
/// <see cref="BenchCase"/>. Public and unsealed because BenchmarkDotNet requires it; run it through <see cref="BenchRunner"/>.
/// </summary>
public class ThroughputBenchmark
{
    // The in-process toolchain runs this class in the caller's process, so the plan and the per-repetition
    // extras (time to first token, tokens generated) travel through static state.
    internal static IReadOnlyList<BenchCase> Plan { get; set; } = [];

    internal static ConcurrentDictionary<string, List<(TimeSpan FirstToken, int Tokens)>> Extras { get; } = new();

    /// <summary>Each model's llama-bench description, size and parameter count, as llama.cpp reports them.</summary>
    internal static ConcurrentDictionary<string, (string Type, long Size, long Params)> Models { get; } = new();

    /// <summary>The first error of each case: BenchmarkDotNet only reports that a benchmark failed, not why.</summary>
    internal static FailureLog Failures { get; } = new();

    private IDecodeTarget? _target;

    public static IEnumerable<BenchCase> Cases() => Plan;

    [ParamsSource(nameof(Cases))]
    public BenchCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _target = Failures.Recording<IDecodeTarget>(Case.Key, () => Case.Variant == BenchCase.BareVariant ? BareTarget.Load(Case) : EvalKitTarget.Load(Case));
        Models[Case.ModelPath] = _target.Model;
    }

    // Not timed: BenchmarkDotNet runs it before every iteration, and each iteration is one invocation.
    [IterationSetup]
    public void FillToDepth() => Failures.Recording(Case.Key, () =>
    {
        _target?.Prepare();
        return 0;
    });

    [Benchmark]
    public void Decode()
    {
        var target = _target ?? throw new InvalidOperationException("Setup did not run.");
        Extras.GetOrAdd(Case.Key, _ => []).Add(Failures.Recording(Case.Key, target.Run));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _target?.Dispose();
        _target = null;
    }
}
