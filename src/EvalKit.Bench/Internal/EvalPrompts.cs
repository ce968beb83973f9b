using System.Globalization;
using EvalKit.Core.Backends;

namespace EvalKit.Bench.Internal;

/// <summary>
/// The evaluation-throughput benchmark's cases: short arithmetic questions, each its own raw prompt, answered
/// greedily in at most a few tokens, as a short-answer suite's cases are.
/// </summary>
internal static class EvalPrompts
{
    public static IReadOnlyList<GenerationRequest> Create(int count, int maxTokens) =>
    [
        .. Enumerable.Range(0, count).Select(i => GenerationRequest.Raw(
            string.Create(CultureInfo.InvariantCulture, $"Question {i + 1}: what is {i * 7 % 23 + 2} plus {i * 5 % 17 + 3}? Answer:"),
            new GenerationParameters { MaxTokens = maxTokens, Temperature = 0 })),
    ];

    /// <summary>Room for one prompt (well under 64 tokens for any tokenizer) and its answer per sequence.</summary>
    public static int ContextSize(int maxTokens) => Math.Max(256, 64 + maxTokens);
}
