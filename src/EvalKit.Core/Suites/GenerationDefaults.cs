namespace EvalKit.Core.Suites;

/// <summary>
/// Generation settings a suite applies to every case. Greedy decoding (temperature 0) is the
/// default so that runs are reproducible.
/// </summary>
public sealed record GenerationDefaults
{
    public string? System { get; init; }
    public int MaxTokens { get; init; } = 128;
    public float Temperature { get; init; }
    public float TopP { get; init; } = 1f;
    public uint Seed { get; init; } = 42;
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Reasoning tags to split off before scoring; null when the suite turns splitting off.</summary>
    public ReasoningFormat? Reasoning { get; init; } = ReasoningFormat.Think;
}
