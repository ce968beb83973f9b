using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

/// <summary>Import, write as suite YAML, load with SuiteLoader: the same cases come back.</summary>
public class ImportRoundTripTests
{
    public ImportRoundTripTests() => Registration.Ensure();

    public static TheoryData<string, string> Formats => new()
    {
        { "gsm8k", "gsm8k/test.jsonl" },
        { "mmlu", "mmlu/data/test/high_school_us_history_test.csv" },
        { "arc", "arc_challenge/ARC-Challenge-Test.jsonl" },
        { "humaneval", "humaneval/HumanEval.jsonl.gz" },
        { "mbpp", "mbpp/mbpp.jsonl" },
        { "truthfulqa", "truthfulqa/TruthfulQA.csv" },
        { "truthfulqa-mc1", "truthfulqa/mc_task.json" },
        { "halueval", "halueval/general_data.json" },
        { "bbq", "bbq/Nationality.jsonl" },
        { "crows-pairs", "crows_pairs/crows_pairs_anonymized.csv" },
        { "xstest", "xstest/xstest_prompts.csv" },
        { "deccp", "deccp" },
        { "ccp-sensitive", "ccp_sensitive_prompts/ccp_sensitive.json" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Imported_suite_yaml_loads_back_to_the_same_cases(string format, string source)
    {
        // Given the first 40 cases of a real dataset written as a suite file
        var importer = DatasetFormats.Get(format);
        var cases = DatasetFormats.Import(format, SharedAssets.Dataset(source), new DatasetImportOptions { Limit = 40 }).Cases;
        var suite = new Suite { Id = $"{format}-sample", Kind = importer.Kind, Scorer = importer.Scorer, Cases = cases };
        using var dir = new TempDir();
        var path = dir.Write("suite.yaml", SuiteWriter.ToYaml(suite));

        // When it is loaded
        var loaded = SuiteLoader.LoadFile(path, new SuiteLoadOptions());

        // Then suite and cases are the same
        Assert.Equal(suite.Id, loaded.Id);
        Assert.Equal(suite.Kind, loaded.Kind);
        Assert.Equal(suite.Scorer.Type, loaded.Scorer.Type);
        Assert.Equal(suite.Scorer.Options, loaded.Scorer.Options);
        AssertSameCases(cases, loaded.Cases);
    }

    [Fact]
    public void Strings_yaml_would_misread_survive_the_round_trip()
    {
        // Given a case whose texts look like YAML booleans, nulls, numbers, comments, flow syntax and line breaks
        string[] tricky = ["yes", "No", "null", "~", "1.0", "0x1F", "- item", "# not a comment", "a: b", "{x}", "[y]", "'q'", "\"dq\"",
            "  leading", "trailing  ", "line\nbreak", "crlf\r\ninside", "tab\there", "trailing newline\n", "@at", "`tick`", "%pct", "中文", "emoji 🙂", "*star", "&amp", "!bang", "|pipe", ">gt"];
        var evalCase = new EvalCase
        {
            Id = "yes",
            Prompt = string.Join(" / ", tricky),
            Expected = tricky,
            Choices = ["true", "false"],
            Answer = "B",
            Tags = new Dictionary<string, string> { ["on"] = "off", ["bare"] = "", ["n"] = "007" },
            Metadata = tricky.Select((t, i) => (t, i)).ToDictionary(x => $"k{x.i}", x => x.t),
        };
        var suite = new Suite { Id = "tricky", Kind = SuiteKind.Custom, Scorer = new ScorerSpec("exact", new Dictionary<string, string> { ["ignore_case"] = "false" }), Cases = [evalCase] };

        // When it is written and read back
        var loaded = SuiteLoader.Parse(SuiteWriter.ToYaml(suite), "tricky.yaml", new SuiteLoadOptions());

        // Then every text is unchanged
        AssertSameCases([evalCase], loaded.Cases);
        Assert.Equal("false", loaded.Scorer.Option("ignore_case"));
    }

    internal static void AssertSameCases(IReadOnlyList<EvalCase> expected, IReadOnlyList<EvalCase> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Prompt, a.Prompt);
            Assert.Equal(e.Expected, a.Expected);
            Assert.Equal(e.Choices, a.Choices);
            Assert.Equal(e.Answer, a.Answer);
            Assert.Equal(e.Tags.OrderBy(t => t.Key), a.Tags.OrderBy(t => t.Key));
            Assert.Equal(e.Metadata.OrderBy(t => t.Key), a.Metadata.OrderBy(t => t.Key));
        }
    }
}
