namespace EvalKit.Llama.Fidelity.Internal;

/// <summary>One sequence's per-position KL and top-1 agreement, kept for the bootstrap, with its summary.</summary>
internal sealed record SequenceScores(FidelitySequence Summary, double[] Kl, bool[] Agree);
