namespace EvalKit.Core.Backends;

/// <summary>A model's price per million tokens (<c>price:</c> in evalkit.yaml), in whatever currency the user writes (USD by convention).</summary>
public sealed record ModelPrice(double PromptPerMTok, double CompletionPerMTok)
{
    /// <summary>The cost of one request. Reasoning tokens are completion tokens, billed alike.</summary>
    public double Cost(long promptTokens, long completionTokens) =>
        (promptTokens * PromptPerMTok + completionTokens * CompletionPerMTok) / 1_000_000;
}
