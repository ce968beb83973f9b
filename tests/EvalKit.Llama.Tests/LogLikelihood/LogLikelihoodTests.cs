using EvalKit.Llama.Tests.Backend;

namespace EvalKit.Llama.Tests.LogLikelihood;

public sealed class LogLikelihoodTests(StoriesModelFixture model) : IClassFixture<StoriesModelFixture>
{
    [Theory]
    [InlineData("Once upon a time", ", there was a little girl named Lily.")]
    [InlineData("Once upon a time,", " there was a big purple dragon")]
    [InlineData("The dog ran to the", " park")]
    [InlineData("Tom had a red", " ball. He liked to throw it.")]
    public async Task Summed_log_probability_agrees_with_a_direct_computation_from_the_logits(string context, string continuation)
    {
        // Given: lm-evaluation-harness's split — the continuation's tokens are the whole text's after the context's
        using var direct = new DirectLogits();
        var whole = direct.Tokenize(context + continuation);
        var first = direct.Tokenize(context).Length;
        var (expected, expectedGreedy) = direct.Score(whole, first);

        // When
        var result = await model.Backend.LogLikelihoodAsync(context, continuation);

        // Then
        Assert.Equal(whole.Length - first, result.TokenCount);
        Assert.Equal(expected, result.LogProbability, 1e-9);
        Assert.Equal(expectedGreedy, result.IsGreedy);
        Assert.True(result.LogProbability < 0);
    }

    [Fact]
    public async Task Greedy_story_continuation_is_greedy_and_an_unlikely_one_is_not()
    {
        var greedy = await model.Backend.LogLikelihoodAsync("Once upon a time", ", there was a little girl named Lily.");
        var unlikely = await model.Backend.LogLikelihoodAsync("Once upon a time", " purple quantum spreadsheets");

        Assert.True(greedy.IsGreedy);
        Assert.False(unlikely.IsGreedy);
        Assert.True(greedy.LogProbability > unlikely.LogProbability);
    }

    [Fact]
    public async Task Whitespace_ending_the_context_moves_to_the_continuation()
    {
        var spaced = await model.Backend.LogLikelihoodAsync("The dog ran to the ", "park");
        var plain = await model.Backend.LogLikelihoodAsync("The dog ran to the", " park");

        Assert.Equal(plain, spaced);
    }

    [Fact]
    public async Task Empty_context_is_scored_after_the_BOS_token()
    {
        using var direct = new DirectLogits();
        var whole = direct.Tokenize("Once upon a time");

        var result = await model.Backend.LogLikelihoodAsync("", "Once upon a time");

        Assert.Equal(whole.Length - 1, result.TokenCount);
        Assert.Equal(direct.Score(whole, 1).LogProbability, result.LogProbability, 1e-9);
    }

    [Fact]
    public async Task Empty_continuation_is_rejected_and_the_backend_stays_usable()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => model.Backend.LogLikelihoodAsync("Once upon a time", ""));

        var after = await model.Backend.LogLikelihoodAsync("Once upon a time", ", there was a little girl named Lily.");

        Assert.True(after.IsGreedy);
    }
}
