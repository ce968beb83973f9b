using System.Diagnostics;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// Closed-loop clients (vLLM's <c>--max-concurrency</c>): each sends its next request as soon as its last one ends,
/// until <c>count</c> requests have been sent.
/// </summary>
internal static class ClosedLoop
{
    /// <returns>Every request's timing, by request index, and the time from the start to the end of the last request.</returns>
    public static async Task<(RequestTiming[] Timings, TimeSpan Duration)> RunAsync(
        int clients, int count, Func<int, CancellationToken, Task<RequestTiming>> send, Action<int>? onDone, CancellationToken cancellationToken)
    {
        var timings = new RequestTiming[count];
        var next = -1;
        var done = 0;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(clients, count)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                timings[i] = await send(i, cancellationToken);
                onDone?.Invoke(Interlocked.Increment(ref done));
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return (timings, Stopwatch.GetElapsedTime(start));
    }
}
