using EvalKit.Core.Backends;
using EvalKit.Core.Results;

namespace EvalKit.Core.Metrics;

/// <summary>
/// Tokens one model used in a run (prompt, completion, and the reasoning part of the completion), and their cost when
/// the model has a <see cref="ModelPrice"/>. Answers from the response cache cost nothing now and are counted apart.
/// </summary>
public sealed record ModelUsage
{
    public required string Model { get; init; }

    /// <summary>Samples generated in this run (not from the cache, without error).</summary>
    public int Samples { get; init; }

    public int CachedSamples { get; init; }
    public long PromptTokens { get; init; }

    /// <summary>Every generated token, reasoning included.</summary>
    public long CompletionTokens { get; init; }

    /// <summary>The completion tokens spent inside reasoning tags (a part of <see cref="CompletionTokens"/>).</summary>
    public long ReasoningTokens { get; init; }

    /// <summary>True when some counts are estimates (an endpoint that reported no usage).</summary>
    public bool TokenCountsEstimated { get; init; }

    /// <summary>The estimated cost of the generated samples; null without a price.</summary>
    public double? Cost { get; init; }

    public static IReadOnlyList<ModelUsage> From(IReadOnlyList<SampleRecord> samples, IReadOnlyList<ModelSpec> models) =>
    [
        .. models.Select(model =>
        {
            var mine = samples.Where(s => s.Model == model.Name && s.Error is null).ToList();
            var generated = mine.Where(s => !s.Cached).ToList();
            var prompt = generated.Sum(s => (long)s.PromptTokens);
            var completion = generated.Sum(s => (long)s.CompletionTokens);
            return new ModelUsage
            {
                Model = model.Name,
                Samples = generated.Count,
                CachedSamples = mine.Count - generated.Count,
                PromptTokens = prompt,
                CompletionTokens = completion,
                ReasoningTokens = generated.Sum(s => (long)(s.ReasoningTokens ?? 0)),
                TokenCountsEstimated = generated.Any(s => s.TokenCountsEstimated == true),
                Cost = model.Price?.Cost(prompt, completion),
            };
        }),
    ];

    /// <summary>The cost of one sample for <paramref name="model"/>: zero when cached, failed or unpriced.</summary>
    public static double CostOf(SampleRecord sample, ModelSpec model) =>
        sample.Cached || sample.Error is not null || model.Price is null ? 0 : model.Price.Cost(sample.PromptTokens, sample.CompletionTokens);
}
