using EvalKit.Bench.Load;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>One progress bar per level (concurrency or request rate) of a load sweep on a terminal; on CI logs a line per finished level.</summary>
public static class LoadSweepProgress
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<LoadProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(new LogProgress(console));

        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new BarProgress(context)));
    }

    private static string Name(LoadProgress p) =>
        $"{p.Target} " + (p.RequestRate is { } rate ? $"rate={LoadSweepTable.Rate(rate)}" : $"c={p.Concurrency}") + (p.WarmingUp ? " (warm-up)" : "");

    // Reports come from the clients' threads, in any order: a bar only moves forward.
    private sealed class BarProgress(ProgressContext context) : IProgress<LoadProgress>
    {
        private readonly Dictionary<(int, double?), ProgressTask> _tasks = [];

        public void Report(LoadProgress value)
        {
            lock (_tasks)
            {
                if (!_tasks.TryGetValue((value.Concurrency, value.RequestRate), out var task))
                    _tasks[(value.Concurrency, value.RequestRate)] = task = context.AddTask("", maxValue: value.Total);
                task.Description = TerminalText.Escape(Name(value));
                task.Value = Math.Max(task.Value, value.Completed);
            }
        }
    }

    private sealed class LogProgress(IAnsiConsole console) : IProgress<LoadProgress>
    {
        private readonly Lock _lock = new();

        public void Report(LoadProgress value)
        {
            if (value.Completed != value.Total)
                return;
            lock (_lock)
                console.WriteLine($"[{Name(value)}] {value.Completed}/{value.Total} requests done");
        }
    }
}
