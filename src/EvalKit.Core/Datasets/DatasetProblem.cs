namespace EvalKit.Core.Datasets;

/// <summary>One row of a dataset that could not become a case, and why. <see cref="Line"/> is 1-based; 0 when unknown.</summary>
public sealed record DatasetProblem(string File, long Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
