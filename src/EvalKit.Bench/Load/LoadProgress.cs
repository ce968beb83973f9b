namespace EvalKit.Bench.Load;

/// <summary>Where a load sweep is: <see cref="Completed"/> of <see cref="Total"/> measured requests at one level, after its warm-up.</summary>
public readonly record struct LoadProgress(string Target, int Concurrency, int Completed, int Total, bool WarmingUp);
