namespace EvalKit.Core.Metrics;

/// <summary>Per-case outcomes of two models on the same cases: the 2×2 table McNemar's test reads.</summary>
public sealed record FlipTable(int BothRight, int OnlyBaseline, int OnlyCandidate, int BothWrong)
{
    public int Total => BothRight + OnlyBaseline + OnlyCandidate + BothWrong;
}
