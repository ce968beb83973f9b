using EvalKit.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops gracefully (samples written so far are kept); a second one kills the process.
    if (cancellation.IsCancellationRequested)
        return;
    e.Cancel = true;
    cancellation.Cancel();
};
return await EvalKitApp.Create(args).RunAsync(args, cancellation.Token);
