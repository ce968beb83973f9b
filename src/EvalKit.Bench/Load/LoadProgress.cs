namespace EvalKit.Bench.Load;

/// <summary>
/// Where a load sweep is: <see cref="Completed"/> of <see cref="Total"/> measured requests at one level (a concurrency,
/// or for open loop a <see cref="RequestRate"/> with concurrency 0), after its warm-up.
/// </summary>
public readonly record struct LoadProgress(string Target, int Concurrency, int Completed, int Total, bool WarmingUp, double? RequestRate = null);
