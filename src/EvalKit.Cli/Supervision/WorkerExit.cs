namespace EvalKit.Cli.Supervision;

/// <summary>
/// How a worker process ended: its exit code, the verdict it stated (null when it died before stating one) and
/// the last lines it wrote to stderr (what a dying native library says, e.g. "libgomp: Thread creation failed").
/// </summary>
public sealed record WorkerExit(int ExitCode, int? Verdict, IReadOnlyList<string> LastErrors)
{
    /// <summary>True when the worker ended by its own decision: it stated a verdict and exited with exactly that code.</summary>
    public bool Decided => Verdict == ExitCode;
}
