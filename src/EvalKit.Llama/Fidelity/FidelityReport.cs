using EvalKit.Core.Backends;

namespace EvalKit.Llama.Fidelity;

/// <summary>
/// How faithfully a student reproduces its teacher's next-token distributions: mean per-token
/// KL(teacher ‖ student) in nats and top-1 agreement over every compared position, with 95% bootstrap intervals.
/// Written as <c>fidelity.json</c>.
/// </summary>
public sealed record FidelityReport
{
    public required ModelInfo Teacher { get; init; }
    public required ModelInfo Student { get; init; }

    /// <summary>SHA-256 over the shared vocabulary (every token's text and attributes), as llama.cpp sees it.</summary>
    public required string TokenizerSha256 { get; init; }

    public int VocabSize { get; init; }

    /// <summary>The teacher's token limit per prompt.</summary>
    public int MaxTokens { get; init; }

    public int Sequences { get; init; }
    public int Tokens { get; init; }

    /// <summary>Mean KL(teacher ‖ student) per token, natural log (nats): Σ_v p_t(v) (log p_t(v) − log p_s(v)).</summary>
    public required FidelityEstimate KlDivergence { get; init; }

    /// <summary>Share of positions where argmax p_s = argmax p_t.</summary>
    public required FidelityEstimate Top1Agreement { get; init; }

    /// <summary><c>sequence</c> when intervals resample whole sequences, <c>token</c> when single tokens.</summary>
    public required string IntervalUnit { get; init; }

    public int Resamples { get; init; }
    public int Seed { get; init; }

    public required IReadOnlyList<FidelitySequence> PerSequence { get; init; }
}
