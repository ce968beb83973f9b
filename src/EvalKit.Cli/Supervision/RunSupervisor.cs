using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Cli.Output;
using Spectre.Console;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// Runs the evaluation in a worker process and restarts it (with resume) whenever it dies, so a native crash
/// costs one case, not the run. A worker's exit code counts only when the worker stated it (see
/// <see cref="WorkerProtocol"/>): any other exit, whatever its code, is a crash. A case that kills the worker twice is recorded as failed and skipped; so is a
/// judgement that kills it twice (see <see cref="CrashLedger"/>).
/// </summary>
public sealed class RunSupervisor(IAnsiConsole console, RunRequest request, RunDirectory directory)
{
    public async Task<int> RunAsync(IReadOnlyList<string> workerArguments, IProgress<RunProgress> progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var exit = await WorkerProcess.RunAsync(console, workerArguments, progress, cancellationToken);
            if (exit.Decided)
                return exit.ExitCode;
            var exitCode = exit.ExitCode;

            var outcome = CrashLedger.RecordCrash(directory, request, exitCode);
            console.MarkupLine(
                $"[yellow]worker crashed[/] (exit code {exitCode}) {TerminalText.Escape(outcome.Blamed)}, crash {outcome.Crashes} of {CrashLedger.MaxCrashesPerCase}: " +
                (!outcome.GaveUp ? "retrying." : outcome.Recorded is { } recorded ? $"{recorded}; continuing." : "giving up."));
            if (outcome.GaveUp && outcome.Recorded is null)
                throw new EvalKitException(
                    $"The worker process died {outcome.Crashes} times {outcome.Blamed} (exit code {exitCode}, without stating a result)"
                    + (exit.LastErrors.Count == 0 ? "." : ". Its last error output:\n  " + string.Join("\n  ", exit.LastErrors)),
                    "Check the model file with 'evalkit info MODEL', or try --device cpu / fewer --gpu-layers / fewer --threads. "
                    + $"The run is kept and resumable: evalkit run --resume {directory.Path}",
                    ErrorKind.RuntimeFailure);
        }
    }
}
