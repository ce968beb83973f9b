namespace EvalKit.Reports.Gates;

/// <summary>One gate applied to one target (a model on a suite): whether it passed and why, in words.</summary>
public sealed record GateCheck(string Suite, string Model, bool Passed, string Reason);
