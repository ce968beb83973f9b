using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;

namespace EvalKit.CodeScoring.Internal;

/// <summary>How a sandboxed program ended: its exit code (128 + N for signal N), whether it hit the time limit, and the tail of its output.</summary>
internal sealed record SandboxRun(int ExitCode, bool TimedOut, string Output, string Errors);
