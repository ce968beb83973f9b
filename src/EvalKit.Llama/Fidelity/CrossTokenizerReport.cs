using EvalKit.Core.Backends;

namespace EvalKit.Llama.Fidelity;

/// <summary>
/// Distillation fidelity between models that do not share a tokenizer (<see cref="CrossTokenizerFidelity"/>):
/// the student's bits per byte on the teacher's own answers, answer-level agreement and, where both models list top-k
/// log-probabilities, an approximate KL over the shared top-k. Written as <c>fidelity.json</c> with
/// <c>method: cross_tokenizer</c>. Intervals are 95% bootstrap intervals over whole sequences.
/// </summary>
public sealed record CrossTokenizerReport
{
    public string Method { get; init; } = "cross_tokenizer";

    public required ModelInfo Teacher { get; init; }
    public required ModelInfo Student { get; init; }

    /// <summary>The token limit per answer.</summary>
    public int MaxTokens { get; init; }

    public int Sequences { get; init; }

    /// <summary>Sequences that could not be scored (each says why under <see cref="PerSequence"/>).</summary>
    public int Errors { get; init; }

    /// <summary>UTF-8 bytes of every scored answer together.</summary>
    public long Bytes { get; init; }

    /// <summary>−Σ log2 q(answer) / Σ bytes over the teacher's answers: the student's bits per byte (lower is closer).</summary>
    public FidelityEstimate? BitsPerByte { get; init; }

    /// <summary>Share of prompts where teacher and student give the same answer (extracted, else normalised text).</summary>
    public FidelityEstimate? AnswerAgreement { get; init; }

    /// <summary>The alternatives per position asked of each model for <see cref="ApproximateKl"/>.</summary>
    public int TopK { get; init; }

    /// <summary>
    /// Approximate KL(teacher ‖ student) in nats per aligned position: at each position where both tokenizations start
    /// a token at the same character of the answer, both top-k lists are cut to the tokens (by text) they share and
    /// renormalised over them, and KL is taken between those two distributions. Null when no position aligned.
    /// </summary>
    public FidelityEstimate? ApproximateKl { get; init; }

    public int AlignedPositions { get; init; }

    /// <summary>The teacher's probability mass, on average, on the shared top-k tokens at aligned positions (how much of its distribution the KL sees).</summary>
    public double? SharedTopKMass { get; init; }

    public int Resamples { get; init; }
    public int Seed { get; init; }

    public required IReadOnlyList<CrossTokenizerSequence> PerSequence { get; init; }
}
