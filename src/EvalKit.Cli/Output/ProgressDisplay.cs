using EvalKit.Core.Running;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>
/// A live progress bar with rate and ETA on a terminal; on CI logs (no terminal) a plain line every 10%. While
/// llama.cpp reads a model's weights, a second bar (or a line every 25%) shows how far it got. A model is
/// said to be loading only while it really loads: a model whose answers all come from the response cache never is.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(new LogProgress(console));

        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RateColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Progress<RunProgress>(p =>
                {
                    if (p.Phase == RunProgress.LoadingWeights)
                    {
                        // Its own bar, so the cases bar keeps counting cases.
                        var key = p.Model + "\u0000weights";
                        if (!tasks.TryGetValue(key, out var load))
                            tasks[key] = load = context.AddTask(TerminalText.Escape($"{p.Model} (loading weights)"), maxValue: 100);
                        load.Value = p.Completed;
                        return;
                    }
                    if (!tasks.TryGetValue(p.Model, out var task))
                        tasks[p.Model] = task = context.AddTask(TerminalText.Escape(p.Model), maxValue: p.Total);
                    task.Description = TerminalText.Escape(Describe(p));
                    task.Value = p.Completed;
                });
                return await work(progress);
            });
    }

    private static string Describe(RunProgress p) => p.Phase switch
    {
        RunProgress.Starting => p.Model,
        RunProgress.Loading => $"{p.Model} (loading)",
        RunProgress.Cached => $"{p.Model} {p.Suite} (answering from cache)",
        _ => $"{p.Model} {p.Suite}",
    };

    /// <summary>Synchronous so lines come out in order; <see cref="Progress{T}"/> would post to the thread pool.</summary>
    private sealed class LogProgress(IAnsiConsole console) : IProgress<RunProgress>
    {
        private int _lastDecile = -1;
        private int _lastQuarter = -1;
        private DateTime _started = DateTime.UtcNow;

        public void Report(RunProgress value)
        {
            if (value.Phase == RunProgress.Starting)
            {
                _lastDecile = -1;
                _lastQuarter = -1;
                _started = DateTime.UtcNow;
                return;
            }
            if (value.Phase == RunProgress.LoadingWeights)
            {
                // Whole percents may skip 25, 50, 75: a line for each quarter reached.
                if (value.Completed / 25 != _lastQuarter)
                    console.WriteLine($"[{value.Model}] loading weights {value.Completed}%");
                _lastQuarter = value.Completed / 25;
                return;
            }
            if (value.Phase == RunProgress.Loading)
            {
                console.WriteLine(TerminalText.Clean($"[{value.Model}] loading model"));
                return;
            }
            var decile = value.Total == 0 ? 10 : value.Completed * 10 / value.Total;
            if (decile == _lastDecile)
                return;
            _lastDecile = decile;
            var elapsed = DateTime.UtcNow - _started;
            var rate = value.Completed / Math.Max(elapsed.TotalSeconds, 1e-3);
            var eta = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Completed) / rate) : TimeSpan.Zero;
            var source = value.Phase == RunProgress.Cached ? " (answering from cache)" : "";
            console.WriteLine(TerminalText.Clean($"[{value.Model}] {value.Completed}/{value.Total} cases ({rate:F1}/s, ETA {eta:mm\\:ss}) {value.Suite}{source}"));
        }
    }
}
