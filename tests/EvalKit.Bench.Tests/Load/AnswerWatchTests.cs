using EvalKit.Bench.Load.Internal;

namespace EvalKit.Bench.Tests.Load;

public sealed class AnswerWatchTests
{
    private static int? FirstAnswerPiece(AnswerWatch watch, params string[] pieces)
    {
        for (var i = 0; i < pieces.Length; i++)
        {
            if (watch.Feed(pieces[i]))
                return i;
        }
        return null;
    }

    [Fact]
    public void Plain_content_is_the_answer_from_its_first_text()
    {
        var watch = new AnswerWatch();

        Assert.Equal(1, FirstAnswerPiece(watch, "\n", "Paris", " is"));
        Assert.False(watch.Reasoned);
    }

    [Fact]
    public void A_think_block_split_across_pieces_delays_the_answer_until_after_it_closes()
    {
        var watch = new AnswerWatch();

        // "<th" + "ink>" opens the block; "</th" + "ink>" closes it; whitespace after it is not yet the answer
        Assert.Equal(6, FirstAnswerPiece(watch, "<th", "ink>", "hmm, 2+2", "</th", "ink>", "\n\n", "4"));
        Assert.True(watch.Reasoned);
    }

    [Fact]
    public void The_answer_may_start_in_the_piece_that_closes_the_block()
    {
        Assert.Equal(1, FirstAnswerPiece(new AnswerWatch(), "<think>why", "</think>Because"));
    }

    [Fact]
    public void An_unclosed_block_has_no_answer()
    {
        var watch = new AnswerWatch();

        Assert.Null(FirstAnswerPiece(watch, "<think>", "still thinking", " <b>bold</b>"));
        Assert.True(watch.Reasoned);
    }

    [Fact]
    public void After_reasoning_sent_separately_the_first_content_is_the_answer()
    {
        var watch = new AnswerWatch();
        watch.SawReasoning();

        Assert.Equal(0, FirstAnswerPiece(watch, "42"));
        Assert.True(watch.Reasoned);
    }

    [Fact]
    public void Stream_chunks_read_content_reasoning_usage_and_errors()
    {
        Assert.Equal(new StreamChunk("hi", "", null, null, null),
            StreamChunk.Parse("""{"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"""));
        Assert.Equal(new StreamChunk("", "so", null, null, null),
            StreamChunk.Parse("""{"choices":[{"delta":{"content":null,"reasoning_content":"so"}}],"usage":null}"""));
        Assert.Equal(new StreamChunk("", "", 12, 30, null),
            StreamChunk.Parse("""{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}"""));
        Assert.Equal("overloaded", StreamChunk.Parse("""{"error":{"message":"overloaded","type":"server_error"}}""").Error);
        Assert.Equal(new StreamChunk("", "", null, null, null), StreamChunk.Parse("""{"choices":"odd","usage":7}"""));
    }
}
