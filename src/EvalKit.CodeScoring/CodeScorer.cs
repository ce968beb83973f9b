using EvalKit.CodeScoring.Internal;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.CodeScoring;

/// <summary>
/// <c>code</c>: HumanEval / MBPP style. The reply's code (from a markdown fence, else the whole reply; prompt plus
/// reply for a HumanEval continuation) runs with the case's tests (<c>metadata.test</c>, plus
/// <c>check(entry_point)</c>) in a Python child process with a wall-clock limit (<c>timeout_s</c>, default 10), a
/// memory limit (<c>memory_mb</c>, default 512), a process limit, no network where namespaces are available, and a
/// scratch folder. Passing is <c>correct</c>; a failure is <c>incorrect</c> with its cause (tests failed, timeout,
/// memory, network blocked, ...). Scoring blocks until the program ends. Details: docs/code-scorer.md.
/// </summary>
public sealed class CodeScorer : IScorer
{
    /// <summary>The name suites give it: <c>scorer: {type: code}</c>.</summary>
    public const string TypeName = "code";

    public const double DefaultTimeoutSeconds = 10;
    public const int DefaultMemoryMb = 512;

    private const string TimeoutSeconds = "timeout_s";
    private const string MemoryMb = "memory_mb";

    /// <summary>Its catalog line, registered under <see cref="TypeName"/> with <see cref="ScorerCatalog.Register"/>.</summary>
    public static ScorerEntry Entry { get; } = new(
        [ScorerOption.PositiveNumber(TimeoutSeconds), ScorerOption.PositiveWholeNumber(MemoryMb)],
        spec => new CodeScorer(
            ScorerOption.Number(spec, TimeoutSeconds, DefaultTimeoutSeconds),
            (int)ScorerOption.Number(spec, MemoryMb, DefaultMemoryMb)),
        CodeProgram.Problems);

    private readonly TimeSpan _timeout;
    private readonly int _memoryMb;
    private readonly SandboxPlan _plan;

    /// <exception cref="EvalKitException">Python 3 or bash cannot be found on this machine.</exception>
    public CodeScorer(double timeoutSeconds = DefaultTimeoutSeconds, int memoryMb = DefaultMemoryMb)
    {
        _timeout = TimeSpan.FromSeconds(timeoutSeconds);
        _memoryMb = memoryMb;
        _plan = SandboxPlan.Current;
    }

    public string Name => TypeName;

    /// <summary>
    /// The isolation the code will run under on this machine, found now so a run can stop before any model loads.
    /// </summary>
    /// <exception cref="EvalKitException">No isolation works and running unsandboxed was not opted into, or Python 3 or bash is missing.</exception>
    public static string CheckIsolation() => SandboxPlan.Current.Isolation;

    /// <summary>The environment variable (set by <c>run --unsafe-code</c>) that lets code run without isolation.</summary>
    public const string UnsafeVariable = SandboxPlan.UnsafeVariable;

    /// <summary>
    /// What the sandbox isolates on this machine: <c>netns+pidns+nobody</c>, <c>netns+pidns+root</c>,
    /// <c>userns+netns+pidns</c> or <c>none</c> (docs/code-scorer.md). Also appended to every reason.
    /// </summary>
    public string Isolation => _plan.Isolation;

    public Score Score(EvalCase evalCase, string completion)
    {
        if (CodeProgram.Problems(evalCase, Name).FirstOrDefault() is { } problem)
            return ReasonText.Unknown(problem);
        var run = CodeSandbox.Run(_plan, CodeProgram.Build(evalCase, completion), _timeout, _memoryMb);
        return CodeVerdict.From(run, _timeout, _memoryMb, _plan.Isolation);
    }
}
