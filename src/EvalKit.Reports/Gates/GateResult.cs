namespace EvalKit.Reports.Gates;

/// <summary>A gate with every check it made. It passes when all checks pass; a gate that matched nothing fails.</summary>
public sealed record GateResult(GateSpec Gate, IReadOnlyList<GateCheck> Checks, string? Problem = null)
{
    public bool Passed => Problem is null && Checks.All(c => c.Passed);

    public IEnumerable<GateCheck> Failures => Checks.Where(c => !c.Passed);

    /// <summary>One line: the problem, the failed checks, or how many checks passed.</summary>
    public string Summary => Problem
        ?? (Passed ? $"passed ({Checks.Count} check{(Checks.Count == 1 ? "" : "s")})" : string.Join("; ", Failures.Select(f => f.Reason)));
}
