using EvalKit.CodeScoring.Internal;
using EvalKit.Core;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.CodeScoring.Tests;

public sealed class CodeProgramTests
{
    [Theory]
    [InlineData("def f():\n    return 1\n", "def f():\n    return 1\n")]
    [InlineData("Here:\n```python\nx = 1\n```\nbye", "x = 1\n")]
    [InlineData("```\nplain = 1\n```", "plain = 1\n")]
    [InlineData("```bash\nls\n```\n```py\nchosen = 1\n```", "chosen = 1\n")]
    [InlineData("```text\nout\n```\n```\nbare = 1\n```", "bare = 1\n")]
    [InlineData("```javascript\nlet x\n```", "let x\n")]
    [InlineData("```python\ncut = 1\nand the model hit max_tokens", "cut = 1\nand the model hit max_tokens")]
    public void Code_is_taken_from_the_python_fence_else_a_bare_fence_else_the_whole_reply(string reply, string code)
    {
        Assert.Equal(code, CodeProgram.ExtractCode(reply));
    }

    [Fact]
    public void HumanEval_program_continues_the_prompt_then_runs_check_on_the_entry_point()
    {
        // Given
        var evalCase = HumanEvalCase();

        // When
        var program = CodeProgram.Build(evalCase, "    return a + b\n");

        // Then
        Assert.Equal("\ndef add(a, b):\n    \"\"\"Sum.\"\"\"\n    return a + b\n\n\ndef check(c):\n    assert c(1, 2) == 3\n\ncheck(add)\n", program);
    }

    [Fact]
    public void Whole_function_in_a_reply_follows_the_prompt_stub_so_the_prompt_imports_stay()
    {
        var program = CodeProgram.Build(HumanEvalCase(), "```python\ndef add(a, b):\n    return b + a\n```");

        Assert.StartsWith("\ndef add(a, b):\n    \"\"\"Sum.\"\"\"\n\ndef add(a, b):\n    return b + a\n", program);
    }

    [Fact]
    public void Continuation_can_be_turned_off_and_setup_comes_first()
    {
        // Given
        var evalCase = HumanEvalCase() with
        {
            Metadata = new Dictionary<string, string>
            {
                ["test"] = "assert add(1, 2) == 3", ["setup"] = "import math", ["continues_prompt"] = "false",
            },
        };

        // When
        var program = CodeProgram.Build(evalCase, "def add(a, b):\n    return a + b\n");

        // Then
        Assert.Equal("import math\ndef add(a, b):\n    return a + b\n\n\nassert add(1, 2) == 3", program);
    }

    [Fact]
    public void Case_problems_name_the_missing_or_malformed_metadata()
    {
        var noTest = new EvalCase { Id = "x", Prompt = "p" };
        var badFlag = HumanEvalCase() with
        {
            Metadata = new Dictionary<string, string> { ["test"] = "pass", ["continues_prompt"] = "yes" },
        };

        Assert.Contains("'metadata.test'", Assert.Single(CodeProgram.Problems(noTest, "code")));
        Assert.Contains("must be true or false", Assert.Single(CodeProgram.Problems(badFlag, "code")));
    }

    private static EvalCase HumanEvalCase() => new()
    {
        Id = "HumanEval/x",
        Prompt = "def add(a, b):\n    \"\"\"Sum.\"\"\"\n",
        Metadata = new Dictionary<string, string> { ["test"] = "def check(c):\n    assert c(1, 2) == 3", ["entry_point"] = "add" },
    };
}
