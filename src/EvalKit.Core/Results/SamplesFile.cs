namespace EvalKit.Core.Results;

/// <summary>The samples of a run as <see cref="SamplesReader"/> accepts them, and what it set aside and why (file:line).</summary>
public sealed record SamplesFile(IReadOnlyList<SampleRecord> Samples, IReadOnlyList<string> Warnings);
