using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;

namespace EvalKit.CodeScoring.Internal;

/// <summary>Turns how a sandboxed test run ended into a score whose reason names the cause of a failure.</summary>
internal static class CodeVerdict
{
    public static Score From(SandboxRun run, TimeSpan timeout, int memoryMb, string isolation)
    {
        var sandbox = $" [sandbox {isolation}]";
        if (run.TimedOut)
            return Score.Incorrect($"timeout: still running after {timeout.TotalSeconds:0.###} s, killed{sandbox}");
        if (run.ExitCode == 0)
            return Score.Correct($"tests passed{sandbox}");
        if (run.ExitCode == CodeSandbox.SetupFailed)
            return ReasonText.Unknown($"the sandbox could not set its limits: {ReasonText.Quote(LastLine(run.Errors))}{sandbox}");

        var last = LastLine(run.Errors);
        var quoted = ReasonText.Quote(last);
        var cause = last switch
        {
            _ when last.StartsWith("MemoryError", StringComparison.Ordinal) => $"memory: limit of {memoryMb} MB exceeded",
            _ when last.Contains("[Errno 101]", StringComparison.Ordinal) || last.Contains("[Errno 99]", StringComparison.Ordinal)
                => "network blocked",
            _ when last.StartsWith("ConnectionRefusedError", StringComparison.Ordinal) => "connection refused",
            _ when last.StartsWith("BlockingIOError", StringComparison.Ordinal) || last.Contains("[Errno 11]", StringComparison.Ordinal)
                => "process limit: cannot start more processes",
            _ when last.StartsWith("SyntaxError", StringComparison.Ordinal) || last.StartsWith("IndentationError", StringComparison.Ordinal)
                => "syntax error",
            _ when last.StartsWith("AssertionError", StringComparison.Ordinal) => "tests failed",
            _ => null,
        };
        if (cause is not null)
            return Score.Incorrect($"{cause}: {quoted}{sandbox}");
        return Score.Incorrect(Signal(run.ExitCode, memoryMb) is { } signal
            ? $"{signal}{sandbox}"
            : $"error (exit code {run.ExitCode}): {quoted}{sandbox}");
    }

    private static string? Signal(int exitCode, int memoryMb) => exitCode switch
    {
        137 => $"killed (SIGKILL), probably memory: limit of {memoryMb} MB",
        139 => "crashed (SIGSEGV), often a stack overflow or the memory limit",
        152 => "timeout: CPU time limit reached (SIGXCPU)",
        153 => "file size limit reached (SIGXFSZ)",
        > 128 and < 160 => $"killed by signal {exitCode - 128}",
        _ => null,
    };

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no error output";
}
