using System.Diagnostics;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// Open-loop load (vLLM's <c>--request-rate</c>): each request is sent at its time in the arrival schedule, whether
/// or not earlier ones have finished, so a slow server builds a queue instead of slowing the senders down.
/// </summary>
internal static class OpenLoop
{
    /// <returns>Every request's timing, by index, the time from the start to the end of the last request, and the most requests in flight at once.</returns>
    public static async Task<(RequestTiming[] Timings, TimeSpan Duration, int MaxInFlight)> RunAsync(
        IReadOnlyList<double> arrivalSeconds, Func<int, CancellationToken, Task<RequestTiming>> send, Action<int>? onDone, CancellationToken cancellationToken)
    {
        var timings = new RequestTiming[arrivalSeconds.Count];
        var inFlight = 0;
        var maxInFlight = 0;
        var done = 0;
        var start = Stopwatch.GetTimestamp();
        var requests = new List<Task>(arrivalSeconds.Count);
        for (var i = 0; i < arrivalSeconds.Count; i++)
        {
            var wait = TimeSpan.FromSeconds(arrivalSeconds[i]) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            var index = i;
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            requests.Add(Task.Run(async () =>
            {
                timings[index] = await send(index, cancellationToken);
                Interlocked.Decrement(ref inFlight);
                onDone?.Invoke(Interlocked.Increment(ref done));
            }, cancellationToken));
        }
        await Task.WhenAll(requests);
        return (timings, Stopwatch.GetElapsedTime(start), maxInFlight);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
