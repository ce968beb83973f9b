using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Suites;

public partial class SuiteLoaderTests
{
    private const string JudgedSuite = """
        id: judged
        kind: accuracy
        judge: {model: teacher, rubric: rubrics/strict-v1.md, max_tokens: 64}
        cases:
          - {id: q1, prompt: "2+2?", expected: "4"}
        """;

    [Fact]
    public void Judge_rubric_is_found_in_a_folder_above_the_suite_and_its_digest_recorded()
    {
        // Given: repo/rubrics/strict-v1.md and repo/suites/demo/judged.yaml
        using var temp = new TempDir();
        temp.Write("rubrics/strict-v1.md", "Grade {{answer}}");
        var file = temp.Write("suites/demo/judged.yaml", JudgedSuite);

        // When
        var judge = SuiteLoader.LoadFile(file).Judge!;

        // Then: digest of the bytes "Grade {{answer}}"
        Assert.Equal(("teacher", "rubrics/strict-v1.md", 64), (judge.Model, judge.Rubric, judge.MaxTokens));
        Assert.Equal(temp.File("rubrics/strict-v1.md"), judge.RubricPath);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Grade {{answer}}"u8.ToArray())), judge.RubricDigest);
    }

    [Theory]
    [InlineData(null, "rubric file 'rubrics/strict-v1.md' not found beside the suite file or in any folder above it")]
    [InlineData("Grade the answer.", "must be a text file under 1 MiB that contains {{answer}}")]
    public void Missing_or_unusable_rubric_is_reported_at_the_rubric_key(string? rubric, string fragment)
    {
        // Given
        using var temp = new TempDir();
        if (rubric is not null)
            temp.Write("rubrics/strict-v1.md", rubric);
        var file = temp.Write("judged.yaml", JudgedSuite);

        // When
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.LoadFile(file));

        // Then
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains(fragment, diagnostic.Message);
        Assert.Equal((3, 33), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void The_repository_default_rubric_loads()
    {
        var yaml = $"id: j\nkind: accuracy\njudge: {{model: t, rubric: '{RepositoryPaths.Combine("rubrics", "default-v1.md")}'}}\n"
            + "cases:\n  - {id: q1, prompt: p, expected: x}\n";

        Assert.Equal(JudgeSpec.DefaultMaxTokens, SuiteLoader.Parse(yaml, "j.yaml").Judge!.MaxTokens);
    }
}
