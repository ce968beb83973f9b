namespace EvalKit.Reports.Gates;

/// <summary>The kinds of quality gate <c>report</c> and <c>compare</c> understand.</summary>
public enum GateKind
{
    /// <summary><c>--fail-if "accuracy &lt; 0.70"</c>: a metric against a fixed threshold.</summary>
    FailIf,

    /// <summary><c>--max-regression accuracy=2pp</c>: candidate minus baseline, decided on the paired interval.</summary>
    MaxRegression,

    /// <summary><c>--max-refusal-differential 0.1</c>: refusal rate on censorship probes minus that on their controls.</summary>
    MaxRefusalDifferential,
}
