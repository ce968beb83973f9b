using EvalKit.Core.Statistics;

namespace EvalKit.Llama.Fidelity;

/// <summary>How <see cref="DistillationFidelity"/> and <see cref="CrossTokenizerFidelity"/> measure.</summary>
public sealed record FidelityOptions
{
    /// <summary>The most tokens the teacher generates for a prompt.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Cross-tokenizer fidelity: the alternatives per position over which the approximate KL is computed (0 for none).</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Bootstrap resamples for the 95% intervals.</summary>
    public int Resamples { get; init; } = PairedBootstrap.DefaultResamples;

    public int Seed { get; init; } = 20240601;

    /// <summary>
    /// The fewest sequences for which intervals resample whole sequences; with fewer, tokens are resampled, which
    /// ignores the correlation between neighbouring tokens and so gives too narrow an interval (the report says which).
    /// </summary>
    public int MinSequencesForSequenceBootstrap { get; init; } = 5;
}
