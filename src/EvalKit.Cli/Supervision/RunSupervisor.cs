using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using Spectre.Console;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// Runs the evaluation in a worker process and restarts it (with resume) whenever it dies, so a native crash
/// costs one case, not the run. A case that kills the worker twice is recorded as failed and skipped; so is a
/// judgement that kills it twice (see <see cref="CrashLedger"/>).
/// </summary>
public sealed class RunSupervisor(IAnsiConsole console, RunRequest request, RunDirectory directory)
{
    public async Task<int> RunAsync(IReadOnlyList<string> workerArguments, IProgress<RunProgress> progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var exitCode = await WorkerProcess.RunAsync(console, workerArguments, progress, cancellationToken);
            if (exitCode is ExitCodes.Ok or ExitCodes.GateFailed or ExitCodes.BadInput or ExitCodes.RuntimeFailure or ExitCodes.Cancelled)
                return exitCode;

            var outcome = CrashLedger.RecordCrash(directory, request, exitCode);
            console.MarkupLine(
                $"[yellow]worker crashed[/] (exit code {exitCode}) {Markup.Escape(outcome.Blamed)}, crash {outcome.Crashes} of {CrashLedger.MaxCrashesPerCase}: " +
                (!outcome.GaveUp ? "retrying." : outcome.Recorded is { } recorded ? $"{recorded}; continuing." : "giving up."));
            if (outcome.GaveUp && outcome.Recorded is null)
                throw new EvalKitException(
                    $"llama.cpp crashed {outcome.Crashes} times {outcome.Blamed} (exit code {exitCode}).",
                    "Check the model file with 'evalkit info MODEL', or try --device cpu / fewer --gpu-layers.",
                    ExitCodes.RuntimeFailure);
        }
    }
}
