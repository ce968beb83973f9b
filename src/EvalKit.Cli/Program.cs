using EvalKit.Cli;
using EvalKit.Cli.Supervision;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops gracefully (samples written so far are kept); a second one kills the process.
    if (cancellation.IsCancellationRequested)
        return;
    e.Cancel = true;
    cancellation.Cancel();
};
var exitCode = await EvalKitApp.Create(args).RunAsync(args, cancellation.Token);
// A worker states its verdict, so that its supervisor can tell it from a worker that died with the same code.
if (args.Contains(WorkerProtocol.WorkerOption))
    WorkerProtocol.WriteVerdict(exitCode);
return exitCode;
