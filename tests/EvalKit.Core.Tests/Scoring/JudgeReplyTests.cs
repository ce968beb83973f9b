using EvalKit.Core.Scoring;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class JudgeReplyTests
{
    [Theory]
    [InlineData("LABEL: correct\nREASON: Same city.", "correct", "Same city.")]
    [InlineData("**Label:** Incorrect\n**Reason:** It names Milan.", "incorrect", "It names Milan.")]
    [InlineData("Sure.\n\nLABEL：refused\nREASON: declined", "refused", "declined")]
    [InlineData("<think>LABEL: correct</think>\nLABEL: incorrect\nREASON: wrong year", "incorrect", "wrong year")]
    [InlineData("LABEL: correct", "correct", "judge gave no reason")]
    public void Label_and_reason_are_read_from_the_usual_spellings(string raw, string label, string reason)
    {
        Assert.Equal((label, reason), JudgeReply.Parse(raw));
    }

    [Theory]
    [InlineData("The answer looks right to me.", "judge reply has no 'LABEL:' line: \"The answer looks right to me.\"")]
    [InlineData("LABEL: partially\nREASON: half", "judge gave label \"partially\", not correct, incorrect or refused")]
    [InlineData("", "judge reply has no 'LABEL:' line: \"\"")]
    public void Anything_else_is_unknown_with_the_reply_quoted(string raw, string reason)
    {
        Assert.Equal((ScoreLabel.Unknown, reason), JudgeReply.Parse(raw));
    }

    [Fact]
    public void Rubric_placeholders_are_filled_with_the_question_reference_and_answer()
    {
        // Given
        var chat = new EvalCase
        {
            Id = "q", Messages = [new ChatMessage("user", "Capital of Italy?")], Choices = ["Paris", "Rome"], Answer = "B",
        };

        // When
        var filled = JudgePrompt.Fill("Q: {{question}}\nRef: {{expected}}\nA: {{answer}}", chat, "Rome");

        // Then
        Assert.Equal("Q: user: Capital of Italy?\nA) Paris\nB) Rome\nRef: B) Rome\nA: Rome", filled);
        Assert.Equal("Q: say {{answer}}\nRef: 4 | four\nA: {{question}}",
            JudgePrompt.Fill("Q: {{question}}\nRef: {{expected}}\nA: {{answer}}",
                new EvalCase { Id = "p", Prompt = "say {{answer}}", Expected = ["4", "four"] }, "{{question}}"));
    }
}
