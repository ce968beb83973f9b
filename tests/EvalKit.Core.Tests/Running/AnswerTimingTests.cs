using EvalKit.Core.Backends;
using EvalKit.Core.Running.Internal;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Tests.Running;

public class AnswerTimingTests
{
    private static readonly ReasoningSplitter Splitter = new();

    // One step per piece, at the given milliseconds; the completion counts one token per step.
    private static Completion Generated(params (string Piece, double Ms)[] steps)
    {
        var ends = new List<int>();
        var text = "";
        foreach (var (piece, _) in steps)
        {
            text += piece;
            ends.Add(text.Length);
        }
        return new Completion
        {
            Text = text,
            CompletionTokens = steps.Length,
            TimeToFirstToken = TimeSpan.FromMilliseconds(steps.Length > 0 ? steps[0].Ms : 0),
            Timeline = new TokenTimeline(ends, [.. steps.Select(s => s.Ms)]),
        };
    }

    private static (int?, int?, double?) Measure(Completion completion, bool startsInside = false) =>
        AnswerTiming.Of(Splitter.Split(completion.Text, startsInside), completion);

    [Fact]
    public void Closed_block_counts_tags_as_reasoning_and_times_the_first_visible_answer_token()
    {
        // Given: <think>(7) a b(10) </think>(18) \n\n(20) Paris(25)
        var completion = Generated(("<think>", 10), ("a b", 20), ("</think>", 30), ("\n\n", 40), ("Paris", 50));

        // When
        var split = Splitter.Split(completion.Text);

        // Then: the whitespace token after the close tag is an answer token, but not the first answer token
        Assert.Equal((18, 20), (split.ReasoningEnd, split.AnswerStart));
        Assert.Equal((3, 2, 50.0), Measure(completion));
    }

    [Fact]
    public void A_token_that_straddles_the_close_tag_and_the_answer_is_reasoning_and_is_the_first_answer_token()
    {
        // Given: the close tag is split over two tokens, the second also starting the answer
        // "<think>"(0-7) "x"(7-8) "</"(8-10) "think>\nPar"(10-20) "is"(20-22); the tag ends at 16, the answer starts at 17
        var completion = Generated(("<think>", 5), ("x", 6), ("</", 7), ("think>\nPar", 8), ("is", 9));

        // When
        var split = Splitter.Split(completion.Text);

        // Then
        Assert.Equal((16, 17), (split.ReasoningEnd, split.AnswerStart));
        Assert.Equal((4, 1, 8.0), Measure(completion));
    }

    [Fact]
    public void Unclosed_block_makes_every_token_reasoning_and_has_no_first_answer_token()
    {
        // Given: the last token produced no text yet (half a character), at the very end of the text
        var completion = Generated(("<think>", 1), ("still", 2), (" thinking", 3), ("", 4));

        // Then
        Assert.Equal((4, 0, (double?)null), Measure(completion));
    }

    [Fact]
    public void Whitespace_only_answer_has_answer_tokens_but_no_first_answer_token()
    {
        // Given
        var completion = Generated(("<think>", 1), ("ok", 2), ("</think>", 3), ("\n", 4));

        // When
        var split = Splitter.Split(completion.Text);

        // Then
        Assert.Equal((17, (int?)null), (split.ReasoningEnd, split.AnswerStart));
        Assert.Equal((3, 1, (double?)null), Measure(completion));
    }

    [Fact]
    public void Empty_answer_has_no_answer_tokens()
    {
        // Given
        var completion = Generated(("<think>", 1), ("ok", 2), ("</think>", 3));

        // Then
        Assert.Equal((3, 0, (double?)null), Measure(completion));
    }

    [Fact]
    public void Completion_without_a_block_is_all_answer_and_its_first_answer_token_skips_leading_whitespace()
    {
        // Given
        var completion = Generated((" ", 3), ("\n", 4), ("4", 7));

        // When
        var split = Splitter.Split(completion.Text);

        // Then
        Assert.Equal((0, 2), (split.ReasoningEnd, split.AnswerStart));
        Assert.Equal((0, 3, 7.0), Measure(completion));
    }

    [Fact]
    public void Block_opened_by_the_prompt_counts_from_the_first_generated_token()
    {
        // Given: the chat template ended with <think>, so the completion starts inside the block
        var completion = Generated(("Hmm", 2), ("</think>", 3), ("4", 4));

        // Then
        Assert.Equal((2, 1, 4.0), Measure(completion, startsInside: true));
    }

    [Fact]
    public void Without_a_timeline_nothing_is_invented()
    {
        // Given
        var completion = Generated(("<think>", 1), ("</think>", 2), ("4", 3)) with { Timeline = null };

        // Then
        Assert.Equal(((int?)null, (int?)null, (double?)null), Measure(completion));
    }

    [Fact]
    public void A_timeline_that_does_not_describe_the_text_is_ignored()
    {
        // Given: the text was changed after the timeline was recorded
        var completion = Generated(("<think>", 1), ("</think>", 2), ("4", 3));
        completion = completion with { Text = completion.Text + "!" };

        // Then
        Assert.Equal(((int?)null, (int?)null, (double?)null), Measure(completion));
    }

    [Fact]
    public void Streamed_pieces_that_are_not_one_token_each_keep_the_time_but_not_the_token_counts()
    {
        // Given: the server counted 7 tokens in 3 pieces
        var completion = Generated(("<think>a", 10), ("</think>\n", 20), ("Paris", 30)) with { CompletionTokens = 7 };

        // Then
        Assert.Equal(((int?)null, (int?)null, 30.0), Measure(completion));
    }
}
