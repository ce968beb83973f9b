namespace EvalKit.Core.Suites;

/// <summary>Every problem found in one or more suite files, reported together before any model is loaded.</summary>
public sealed class SuiteValidationException(IReadOnlyList<SuiteDiagnostic> diagnostics)
    : EvalKitException(
        $"{diagnostics.Count} problem(s) in suite files:" + Environment.NewLine +
        string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d)),
        $"Fix the lines above; '{Operation.Validate} PATH' re-checks without loading a model. The format is in docs/suites.md.")
{
    public IReadOnlyList<SuiteDiagnostic> Diagnostics { get; } = diagnostics;
}
