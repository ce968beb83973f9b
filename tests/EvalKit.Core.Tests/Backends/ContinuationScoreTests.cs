using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Backends;

public sealed class ContinuationScoreTests
{
    private static TokenLogProb Token(string text, int offset, double? logProbability, params (string Text, double LogProbability)[] top) =>
        new(text, offset, logProbability, top.ToDictionary(t => t.Text, t => t.LogProbability));

    // "The cat sat" scored as The | ▁cat | ▁sat, with the context "The cat" (7 characters)
    private static readonly TokenLogProb[] Echo =
    [
        Token("The", 0, null),
        Token(" cat", 3, -2.0, (" cat", -2.0)),
        Token(" sat", 7, -0.5, (" sat", -0.5), (" ran", -1.5)),
    ];

    [Fact]
    public void The_continuation_starts_at_the_token_holding_its_first_character_and_sums_from_there()
    {
        var result = ContinuationScore.From(Echo, contextLength: 7);

        Assert.Equal(new LogLikelihoodResult(-0.5, 1, true), result);
    }

    [Fact]
    public void A_token_straddling_the_boundary_counts_with_the_continuation()
    {
        // The context "The ca" ends inside " cat"
        var result = ContinuationScore.From(Echo, contextLength: 6);

        Assert.Equal((-2.5, 2), (result.LogProbability, result.TokenCount));
    }

    [Fact]
    public void It_is_not_greedy_when_some_continuation_token_is_not_the_top_entry()
    {
        TokenLogProb[] tokens = [Echo[0], Echo[1], Token(" ran", 7, -1.5, (" sat", -0.5), (" ran", -1.5))];

        Assert.False(ContinuationScore.From(tokens, 7).IsGreedy);
    }

    [Fact]
    public void A_continuation_token_without_a_log_probability_cannot_be_scored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContinuationScore.From(Echo, contextLength: 0));

        Assert.Contains("without a log-probability", error.Message);
    }

    [Fact]
    public void Whitespace_ending_the_context_moves_to_the_continuation()
    {
        Assert.Equal(("Answer:", "  yes"), ContinuationScore.Split("Answer: ", " yes"));
    }
}
