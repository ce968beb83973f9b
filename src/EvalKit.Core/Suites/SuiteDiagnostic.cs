namespace EvalKit.Core.Suites;

/// <summary>One problem found while loading a suite, located at file:line:column, with what would be right.</summary>
public sealed record SuiteDiagnostic(string File, int Line, int Column, string Message, string? Hint = null)
{
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {Message}" + (Hint is null ? "" : $" ({Hint})");
}
