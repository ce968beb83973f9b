namespace EvalKit.Core.Suites;

/// <summary>
/// A suite's <c>fewshot:</c> record, written by <c>evalkit import --fewshot K</c>: how many solved examples precede each
/// case, the seed that drew them and the split they came from. The examples themselves are already in the cases.
/// </summary>
public sealed record FewShotSpec(int K, ulong Seed, string Source);
