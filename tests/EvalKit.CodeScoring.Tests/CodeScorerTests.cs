using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Core.Tests.Scoring;

namespace EvalKit.CodeScoring.Tests;

public sealed class CodeScorerTests : ScorerContractTests
{
    public CodeScorerTests() => Registration.Ensure();

    protected override string ScorerName => "code";

    protected override EvalCase GradableCase { get; } = new()
    {
        Id = "add",
        Messages = [new ChatMessage("user", "Write add(a, b).")],
        Metadata = new Dictionary<string, string> { ["test"] = "assert add(2, 3) == 5\nassert add(-1, 1) == 0" },
    };

    protected override string RightReply => "Here it is:\n```python\ndef add(a, b):\n    return a + b\n```\nDone.";

    protected override string WrongReply => "def add(a, b):\n    return a - b\n";

    [Fact]
    public void Canonical_HumanEval_solutions_pass_as_continuations_and_as_whole_functions()
    {
        foreach (var task in CodeTasks.HumanEval(6))
        {
            // When
            var continued = Code().Score(task.Case, task.Solution);
            var fenced = Code().Score(task.Case, $"Sure:\n```python\n{task.Case.Prompt}{task.Solution}```\n");

            // Then
            Assert.True(continued.Label == ScoreLabel.Correct, $"{task.Case.Id}: {continued.Reason}");
            Assert.True(fenced.Label == ScoreLabel.Correct, $"{task.Case.Id} fenced: {fenced.Reason}");
        }
    }

    [Fact]
    public void Broken_HumanEval_solutions_fail_with_the_cause()
    {
        foreach (var task in CodeTasks.HumanEval(6))
        {
            // When
            var wrong = Code().Score(task.Case, "    return None\n");
            var unparsable = Code().Score(task.Case, task.Solution.Replace("return", "return (", StringComparison.Ordinal));

            // Then
            Assert.Equal(ScoreLabel.Incorrect, wrong.Label);
            Assert.Matches(@"^(tests failed: ""AssertionError|error \(exit code 1\): ""\w+Error)", wrong.Reason);
            Assert.Equal(ScoreLabel.Incorrect, unparsable.Label);
            Assert.StartsWith("syntax error: ", unparsable.Reason);
        }
    }

    [Fact]
    public void Mbpp_reference_code_passes_and_a_missing_function_fails()
    {
        foreach (var task in CodeTasks.Mbpp(4))
        {
            // When
            var right = Code().Score(task.Case, $"```python\n{task.Solution}\n```");
            var wrong = Code().Score(task.Case, "```python\ndef unrelated():\n    pass\n```");

            // Then
            Assert.True(right.Label == ScoreLabel.Correct, $"{task.Case.Id}: {right.Reason}");
            Assert.Equal(ScoreLabel.Incorrect, wrong.Label);
            Assert.Contains("NameError", wrong.Reason);
        }
    }

    [Fact]
    public void Case_with_a_bad_entry_point_is_a_case_problem()
    {
        // Given
        var evalCase = GradableCase with { Metadata = new Dictionary<string, string> { ["test"] = "pass", ["entry_point"] = "f(); import os" } };

        // When
        var score = Code().Score(evalCase, RightReply);

        // Then
        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains("must be a Python function name", score.Reason);
    }

    private static IScorer Code()
    {
        Registration.Ensure();
        return ScorerCatalog.Create(new ScorerSpec("code", new Dictionary<string, string>()));
    }
}
