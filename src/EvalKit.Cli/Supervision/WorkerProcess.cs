using System.Diagnostics;
using EvalKit.Core.Running;
using Spectre.Console;

namespace EvalKit.Cli.Supervision;

/// <summary>Starts this same program as a worker, relays its output and progress, and returns how it ended.</summary>
public static class WorkerProcess
{
    private const int KeptErrorLines = 10;

    public static async Task<WorkerExit> RunAsync(
        IAnsiConsole console, IReadOnlyList<string> arguments, IProgress<RunProgress> progress, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process");
        int? verdict = null;
        var lastErrors = new Queue<string>();
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
            {
                if (WorkerProtocol.TryParse(line) is { } report)
                    progress.Report(report);
                else if (WorkerProtocol.TryParseVerdict(line) is { } stated)
                    verdict = stated;
                else
                    console.WriteLine(line);
            }
        }, CancellationToken.None);
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(CancellationToken.None) is { } line)
            {
                console.WriteLine(line);
                lock (lastErrors)
                {
                    lastErrors.Enqueue(line);
                    if (lastErrors.Count > KeptErrorLines)
                        lastErrors.Dequeue();
                }
            }
        }, CancellationToken.None);

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: closing the worker's stdin stops it; samples already written are kept.
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
                process.Kill(entireProcessTree: true);
            throw;
        }
        await Task.WhenAll(stdout, stderr);
        return new WorkerExit(process.ExitCode, verdict, [.. lastErrors]);
    }
}
