using EvalKit.Core.Scoring;

namespace EvalKit.Core.Tests.Scoring;

public class ReasoningSplitterTests
{
    private static readonly ReasoningSplitter Splitter = new();

    [Fact]
    public void Closed_block_gives_reasoning_and_the_answer_after_it()
    {
        // When
        var split = Splitter.Split("<think>\n7 - 2 is 5.\n</think>\n\nSam has 5 apples left.");

        // Then
        Assert.Equal((ReasoningState.Closed, "7 - 2 is 5.", "Sam has 5 apples left."), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void Unclosed_block_has_no_answer()
    {
        // When
        var split = Splitter.Split("<think>Let me count the legs: 5 cows have 20 legs, and the chickens");

        // Then
        Assert.Equal(ReasoningState.Unclosed, split.State);
        Assert.Equal("Let me count the legs: 5 cows have 20 legs, and the chickens", split.Reasoning);
        Assert.Equal("", split.Answer);
    }

    [Fact]
    public void Empty_block_is_told_apart_from_a_missing_one()
    {
        // When
        var empty = Splitter.Split("<think>\n\n</think>\n\nI'm sorry, I can't discuss that.");
        var missing = Splitter.Split("I'm sorry, I can't discuss that.");

        // Then
        Assert.Equal((ReasoningState.Empty, "", "I'm sorry, I can't discuss that."), (empty.State, empty.Reasoning, empty.Answer));
        Assert.Equal((ReasoningState.Missing, "", "I'm sorry, I can't discuss that."), (missing.State, missing.Reasoning, missing.Answer));
    }

    [Fact]
    public void Missing_block_leaves_the_completion_untouched()
    {
        Assert.Equal("  Paris \n", Splitter.Split("  Paris \n").Answer);
    }

    [Fact]
    public void Nested_blocks_are_matched_by_depth()
    {
        // When
        var split = Splitter.Split("<think>outer <think>inner</think> still outer</think> 42");

        // Then
        Assert.Equal((ReasoningState.Closed, "outer <think>inner</think> still outer", "42"), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void An_open_tag_mentioned_inside_reasoning_does_not_swallow_the_answer()
    {
        // Given depth never returns to zero: the inner <think> is only mentioned
        // When
        var split = Splitter.Split("<think>The user typed <think> literally.</think>The answer is 4.");

        // Then the last close tag ends the block
        Assert.Equal((ReasoningState.Closed, "The user typed <think> literally.", "The answer is 4."), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void A_close_tag_mentioned_in_the_answer_stays_in_the_answer()
    {
        // When
        var split = Splitter.Split("<think>easy</think>Close the block with </think> on its own line.");

        // Then
        Assert.Equal("Close the block with </think> on its own line.", split.Answer);
    }

    [Fact]
    public void Tags_inside_a_fenced_code_block_are_not_tags()
    {
        // Given an answer (no reasoning) that shows the tags in code
        var completion = "```html\n<think>x</think>\n```\nThat is how the block looks.";

        // When
        var split = Splitter.Split(completion);

        // Then
        Assert.Equal((ReasoningState.Missing, "", completion), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void Close_tag_inside_code_within_reasoning_does_not_end_it()
    {
        // When
        var split = Splitter.Split("<think>Write `</think>` or\n```\n</think>\n```\nthen stop.</think>Done.");

        // Then
        Assert.Equal(ReasoningState.Closed, split.State);
        Assert.Equal("Write `</think>` or\n```\n</think>\n```\nthen stop.", split.Reasoning);
        Assert.Equal("Done.", split.Answer);
    }

    [Fact]
    public void An_unmatched_fence_does_not_hide_the_close_tag()
    {
        // When
        var split = Splitter.Split("<think>start of code:\n```python\nprint(1)\n</think>It prints 1.");

        // Then
        Assert.Equal(("It prints 1.", ReasoningState.Closed), (split.Answer, split.State));
    }

    [Fact]
    public void Open_tag_in_the_middle_of_prose_is_answer_text()
    {
        // When
        var split = Splitter.Split("Models write <think> before reasoning.");

        // Then
        Assert.Equal(ReasoningState.Missing, split.State);
    }

    [Fact]
    public void Close_tag_without_an_open_tag_means_the_template_opened_the_block()
    {
        // When
        var split = Splitter.Split("Okay, the user asks about 2+2.\n</think>\n\n4");

        // Then
        Assert.Equal((ReasoningState.Closed, "Okay, the user asks about 2+2.", "4"), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void A_prompt_that_opened_the_block_makes_a_tagless_completion_unclosed_reasoning()
    {
        // Given
        var opened = Splitter.PromptOpensBlock("<|User|>2+2?<|Assistant|><think>\n");

        // When
        var split = Splitter.Split("Okay, 2+2 is", startsInside: opened);

        // Then
        Assert.True(opened);
        Assert.Equal((ReasoningState.Unclosed, "Okay, 2+2 is", ""), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void Custom_tags_split_the_same_way_even_when_one_contains_the_other()
    {
        // Given
        var splitter = new ReasoningSplitter("think", "/think");

        // When
        var split = splitter.Split("think about it /think Rome");

        // Then
        Assert.Equal((ReasoningState.Closed, "about it", "Rome"), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public void Huge_completion_full_of_backticks_and_tags_splits_without_trouble()
    {
        // Given
        var text = "<think>" + string.Concat(Enumerable.Repeat("`a` <think> </think> ", 50_000)) + "</think>ok";

        // When
        var split = Splitter.Split(text);

        // Then
        Assert.Equal(("ok", ReasoningState.Closed), (split.Answer, split.State));
    }
}
