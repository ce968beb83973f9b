using System.Collections.Concurrent;

namespace EvalKit.Bench.Internal;

/// <summary>
/// The first error of each benchmark case, by case key: BenchmarkDotNet only reports that a benchmark failed, not why,
/// so the benchmarks record the exception before rethrowing it.
/// </summary>
internal sealed class FailureLog
{
    private readonly ConcurrentDictionary<string, string> _failures = new();

    public IReadOnlyDictionary<string, string> Entries => _failures;

    public void Clear() => _failures.Clear();

    /// <summary>Runs <paramref name="action"/>; if it throws, records the error under <paramref name="key"/> and rethrows.</summary>
    public T Recording<T>(string key, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            _failures.TryAdd(key, $"{e.GetType().Name}: {e.Message}");
            throw;
        }
    }
}
