using EvalKit.Bench.Load.Internal;

namespace EvalKit.Bench.Tests.Load;

public sealed class AnswerWatchTests
{
    // Piece i arrives at i ms, so the first answer time names the piece that started the answer.
    private static double? FirstAnswerPiece(AnswerWatch watch, params string[] pieces)
    {
        for (var i = 0; i < pieces.Length; i++)
            watch.Content(pieces[i], i);
        return watch.FirstAnswerMs();
    }

    [Fact]
    public void Plain_content_has_no_time_to_first_answer_token()
    {
        Assert.Null(FirstAnswerPiece(new AnswerWatch(), "\n", "Paris", " is"));
    }

    [Fact]
    public void A_think_block_split_across_pieces_delays_the_answer_until_after_it_closes()
    {
        // "<th" + "ink>" opens the block; "</th" + "ink>" closes it; whitespace after it is not yet the answer
        Assert.Equal(6, FirstAnswerPiece(new AnswerWatch(), "<th", "ink>", "hmm, 2+2", "</th", "ink>", "\n\n", "4"));
    }

    [Fact]
    public void The_answer_may_start_in_the_piece_that_closes_the_block()
    {
        Assert.Equal(1, FirstAnswerPiece(new AnswerWatch(), "<think>why", "</think>Because"));
    }

    [Fact]
    public void Reasoning_whose_open_tag_was_in_the_prompt_ends_at_the_close_tag()
    {
        // DeepSeek-R1's template opens the block in the prompt, so a server without a reasoning parser streams only the close tag
        Assert.Equal(2, FirstAnswerPiece(new AnswerWatch(), "so 2+2", " is 4</think>", "\n4"));
    }

    [Fact]
    public void An_unclosed_block_has_no_answer()
    {
        Assert.Null(FirstAnswerPiece(new AnswerWatch(), "<think>", "still thinking", " <b>bold</b>"));
    }

    [Fact]
    public void After_reasoning_sent_separately_the_first_visible_content_is_the_answer()
    {
        var watch = new AnswerWatch();
        watch.SawReasoning();

        Assert.Equal(1, FirstAnswerPiece(watch, " ", "42"));
    }

    [Fact]
    public void Reasoning_sent_separately_without_any_content_has_no_answer()
    {
        var watch = new AnswerWatch();
        watch.SawReasoning();

        Assert.Null(watch.FirstAnswerMs());
    }
}
