using EvalKit.Core;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class ImportCommandTests
{
    [Fact]
    public async Task Import_writes_a_seeded_sample_that_validate_accepts()
    {
        // Given GSM8K and an output path
        using var temp = new TempDir();
        var dataset = SharedAssets.Dataset("gsm8k/test.jsonl");

        // When it is imported twice with the same seed, and the result validated
        var first = await EvalKitProcess.RunAsync(temp.Path, "import", "gsm8k", dataset, "-o", "a.yaml", "--limit", "100", "--sample", "20", "--seed", "7");
        var second = await EvalKitProcess.RunAsync(temp.Path, "import", "gsm8k", dataset, "-o", "b.yaml", "--limit", "100", "--sample", "20", "--seed", "7", "--id", "gsm8k-b");
        var validate = await EvalKitProcess.RunAsync(temp.Path, "validate", "a.yaml");

        // Then both hold the same 20 cases and validate accepts the file
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Output);
        Assert.Contains("20 case(s)", first.Output);
        Assert.True(validate.ExitCode == ExitCodes.Ok, validate.Output);
        var a = SuiteLoader.LoadFile(temp.File("a.yaml"), new SuiteLoadOptions());
        var b = SuiteLoader.LoadFile(temp.File("b.yaml"), new SuiteLoadOptions());
        Assert.Equal("gsm8k-test", a.Id);
        Assert.Equal(SuiteKind.Accuracy, a.Kind);
        Assert.Equal("numeric", a.Scorer.Type);
        Assert.Equal(a.Cases.Select(c => c.Id), b.Cases.Select(c => c.Id));
        Assert.Equal(20, a.Cases.Count);
    }

    [Fact]
    public async Task Import_of_a_csv_with_a_mapping_reports_skipped_rows()
    {
        // Given a CSV with one ragged row
        using var temp = new TempDir();
        temp.Write("qa.csv", "qid,question,answer,topic\nq1,Capital of Peru?,Lima,geo\nq2,broken\nq3,2+3?,5,math\n");

        // When it is imported with a mapping
        var result = await EvalKitProcess.RunAsync(temp.Path, "import", "csv", "qa.csv", "-o", "qa.yaml", "--kind", "accuracy", "--scorer", "contains",
            "--map", "prompt=question", "--map", "expected=answer", "--map", "id=qid", "--map", "tags=topic");

        // Then the bad row is reported and the rest is a valid suite
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains("qa.csv:3: the row has 2 field(s), expected 4", result.Output);
        var suite = SuiteLoader.LoadFile(temp.File("qa.yaml"), new SuiteLoadOptions());
        Assert.Equal(["q1", "q3"], suite.Cases.Select(c => c.Id));
        Assert.Equal("contains", suite.Scorer.Type);
        Assert.Equal("math", suite.Cases[1].Tags["topic"]);
    }

    [Fact]
    public async Task Import_with_an_unknown_format_suggests_one_and_exits_2()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "import", "bbqq", "x.jsonl", "-o", "x.yaml");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("Did you mean 'bbq'?", result.Output);
        Assert.False(File.Exists(temp.File("x.yaml")));
    }

    [Fact]
    public async Task Validate_reads_a_suite_dataset_from_an_EVALKIT_DATA_root()
    {
        // Given a suite naming a dataset relative to a data root, outside the suite folder
        using var temp = new TempDir();
        temp.Write("xstest.yaml", "id: xstest\nkind: censorship\nscorer: refusal\ndataset: {path: xstest/xstest_prompts.csv, format: xstest, limit: 30}\n");
        var data = new Dictionary<string, string> { ["EVALKIT_DATA"] = Path.Combine(SharedAssets.Root, "datasets") };

        // When it is validated with and without EVALKIT_DATA
        var allowed = await EvalKitProcess.RunAsync(temp.Path, data, "validate", "xstest.yaml");
        var refused = await EvalKitProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["EVALKIT_DATA"] = "" }, "validate", "xstest.yaml");

        // Then the root makes it valid, and without it the path is reported
        Assert.True(allowed.ExitCode == ExitCodes.Ok, allowed.Output);
        Assert.Contains("30 case(s)", allowed.Output);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("xstest.yaml:4:", refused.Output);
    }
}
