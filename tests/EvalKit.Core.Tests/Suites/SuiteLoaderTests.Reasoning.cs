using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Suites;

public partial class SuiteLoaderTests
{
    private const string OneCase = "cases:\n  - {id: q1, prompt: p, expected: x}\n";

    public static TheoryData<string, int, int, string> ReasoningMistakes => new()
    {
        { "id: d\nkind: accuracy\ndefaults:\n  reasoning: maybe\n" + OneCase,
            4, 14, "'reasoning' must be off, on, or a map with 'open' and 'close' tags, got 'maybe'" },
        { "id: d\nkind: accuracy\ndefaults:\n  reasoning: {opn: \"<r>\"}\n" + OneCase,
            4, 15, "unknown key 'opn' in reasoning. Did you mean 'open'?" },
        { "id: d\nkind: accuracy\ndefaults:\n  reasoning: {open: \"<r>\", close: \"<r>\"}\n" + OneCase,
            4, 28, "the reasoning tags must differ, but both are '<r>'" },
        { "id: d\nkind: accuracy\ndefaults:\n  reasoning: {open: \" \", close: \"</r>\"}\n" + OneCase,
            4, 21, "reasoning tag 'open' must be non-empty text without surrounding spaces" },
        { "id: d\nkind: accuracy\ndefaults:\n  reasoning: {open: [a], close: \"</r>\"}\n" + OneCase,
            4, 21, "'open' must be text, got a list" },
    };

    [Theory]
    [MemberData(nameof(ReasoningMistakes))]
    public void Reasoning_option_mistakes_are_located(string yaml, int line, int column, string fragment)
    {
        Each_mistake_is_reported_with_its_line_column_and_what_is_wrong(yaml, line, column, fragment);
    }

    [Theory]
    [InlineData("", "<think>", "</think>", false)]
    [InlineData("  reasoning: on\n", "<think>", "</think>", true)]
    [InlineData("  reasoning: {open: \"<reasoning>\", close: \"</reasoning>\"}\n", "<reasoning>", "</reasoning>", true)]
    [InlineData("  reasoning: {close: \"[/THINK]\"}\n", "<think>", "[/THINK]", true)]
    public void Reasoning_option_sets_the_tags_and_whether_reasoning_is_expected(string line, string open, string close, bool expected)
    {
        // Given
        var yaml = "id: d\nkind: censorship\ndefaults:\n  max_tokens: 8\n" + line + OneCase;

        // When
        var suite = SuiteLoader.Parse(yaml, "r.yaml");

        // Then
        Assert.Equal(new ReasoningFormat { Open = open, Close = close, Expected = expected }, suite.Defaults.Reasoning);
    }

    [Fact]
    public void Reasoning_off_turns_splitting_off()
    {
        // When
        var suite = SuiteLoader.Parse("id: d\nkind: accuracy\ndefaults:\n  reasoning: off\n" + OneCase, "r.yaml");

        // Then
        Assert.Null(suite.Defaults.Reasoning);
    }
}
