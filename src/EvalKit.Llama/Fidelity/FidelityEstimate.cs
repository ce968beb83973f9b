namespace EvalKit.Llama.Fidelity;

/// <summary>A fidelity statistic with its 95% percentile-bootstrap interval.</summary>
public sealed record FidelityEstimate(double Value, double Low, double High);
