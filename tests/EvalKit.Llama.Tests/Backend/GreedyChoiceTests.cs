using EvalKit.Llama.Internal;
using EvalKit.TestSupport;
using LLama;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;

namespace EvalKit.Llama.Tests.Backend;

public sealed class GreedyChoiceTests
{
    [Theory]
    [InlineData(new[] { 1f, 3f, 2f, 3f }, 1)]
    [InlineData(new[] { 5f }, 0)]
    [InlineData(new[] { -2f, -1f, -1f }, 1)]
    [InlineData(new[] { 1f, float.NaN, 3f, 2f }, 2)]
    [InlineData(new[] { float.NaN, 1f, 3f }, 0)]
    [InlineData(new[] { float.NegativeInfinity, float.NegativeInfinity }, 0)]
    public void Picks_the_first_largest_logit_as_llama_cpp_greedy_sampler_does(float[] logits, int expected) =>
        Assert.Equal(expected, (int)GreedyChoice.Pick(logits));

    [Fact]
    public void An_empty_row_is_refused() =>
        Assert.Throws<ArgumentException>(() => GreedyChoice.Pick(ReadOnlySpan<float>.Empty));

    [Fact]
    public void Agrees_with_llama_cpp_greedy_sampler_at_every_step_of_real_generations()
    {
        // Given: stories260K, several prompts, 64 steps each, decoded with the native greedy sampler's choice
        var parameters = new ModelParams(SharedAssets.Stories260K) { ContextSize = 256, GpuLayerCount = 0, Threads = 1, BatchThreads = 1 };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        using var context = weights.CreateContext(parameters);
        foreach (var prompt in new[] { "Once upon a time", "The dog ran to the", "Tom had a red", "Mia found a shiny" })
        {
            context.NativeHandle.MemoryClear(false);
            using var sampler = new GreedySamplingPipeline();
            var batch = new LLamaBatch();
            var tokens = weights.Tokenize(prompt, true, false, System.Text.Encoding.UTF8);
            batch.AddRange(tokens, 0, LLamaSeqId.Zero, true);
            for (var position = tokens.Length; position < tokens.Length + 64; position++)
            {
                Assert.Equal(DecodeResult.Ok, context.Decode(batch));

                // When
                var ours = GreedyChoice.Pick(context, batch.TokenCount - 1);
                var native = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);

                // Then
                Assert.Equal((int)native, (int)ours);
                batch.Clear();
                batch.Add(native, position, LLamaSeqId.Zero, true);
            }
        }
    }
}
