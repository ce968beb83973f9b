namespace EvalKit.Core.Backends;

/// <summary>Sampling settings for one request. Temperature 0 means greedy decoding.</summary>
public sealed record GenerationParameters
{
    public int MaxTokens { get; init; } = 128;
    public float Temperature { get; init; }
    public float TopP { get; init; } = 1f;
    public uint Seed { get; init; } = 42;
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Ask the model to think (true) or not (false); null sends nothing and lets the model decide.</summary>
    public bool? Reasoning { get; init; }
}
