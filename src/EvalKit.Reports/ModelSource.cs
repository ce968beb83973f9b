namespace EvalKit.Reports;

/// <summary>Where a model shown in a report came from: its run and its name inside that run.</summary>
public sealed record ModelSource(RunData Run, string Name);
