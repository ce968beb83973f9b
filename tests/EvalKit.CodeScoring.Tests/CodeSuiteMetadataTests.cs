using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.CodeScoring.Tests;

/// <summary>Case metadata in suites scored by <c>code</c>, read and checked by the suite loader.</summary>
public sealed class CodeSuiteMetadataTests
{
    public CodeSuiteMetadataTests() => Registration.Ensure();

    [Fact]
    public void Case_metadata_is_read_as_texts_with_code_blocks_kept_verbatim()
    {
        // Given
        const string yaml = """
            id: code
            kind: accuracy
            scorer: {type: code, timeout_s: 2.5}
            cases:
              - id: add
                prompt: "def add(a, b):\n"
                metadata:
                  entry_point: add
                  test: |
                    def check(candidate):
                        assert candidate(2, 3) == 5
            """;

        // When
        var evalCase = Assert.Single(SuiteLoader.Parse(yaml, "code.yaml").Cases);

        // Then
        Assert.Equal("add", evalCase.Metadata["entry_point"]);
        Assert.Equal("def check(candidate):\n    assert candidate(2, 3) == 5", evalCase.Metadata["test"]);
    }

    [Theory]
    [InlineData("metadata: [a, b]", 6, 15, "'metadata' must be a map of names to texts, got a list")]
    [InlineData("metadata: {test: [a, b]}", 6, 22, "metadata 'test' must be text, got a list")]
    [InlineData("metadata: {test: }", 6, 22, "metadata 'test' must be text, got nothing")]
    [InlineData("metadata: {entry_point: x}", 5, 5, "cannot be scored by 'code': scorer 'code' needs the case's tests")]
    public void Bad_metadata_is_reported_where_it_is_written(string metadata, int line, int column, string fragment)
    {
        // Given
        var yaml = $"id: code\nkind: accuracy\nscorer: code\ncases:\n  - id: add\n    {metadata}\n    prompt: p\n";

        // When
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(yaml, "code.yaml"));

        // Then
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains(fragment, diagnostic.Message);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
    }
}
