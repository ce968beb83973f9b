using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

/// <summary>Each importer on the real files in ../shared/datasets; counts come from wc / jq / Python on those files.</summary>
public partial class ImporterTests
{
    public ImporterTests() => Registration.Ensure();

    private static DatasetImportResult Import(string format, string relativePath, DatasetImportOptions? options = null) =>
        DatasetFormats.Import(format, SharedAssets.Dataset(relativePath), options ?? DatasetImportOptions.Default);

    private static EvalCase Case(DatasetImportResult result, string id) =>
        result.Cases.SingleOrDefault(c => c.Id == id) ?? throw new Xunit.Sdk.XunitException($"no case '{id}'");

    /// <summary>Every imported case can be scored by the importer's own scorer.</summary>
    private static void AssertScorable(string format, DatasetImportResult result)
    {
        var scorer = DatasetFormats.Get(format).Scorer;
        Assert.Empty(ScorerCatalog.Validate(scorer));
        Assert.All(result.Cases, c => Assert.Empty(ScorerCatalog.CaseProblems(scorer, c)));
    }

    [Fact]
    public void Gsm8k_reads_every_row_with_the_number_after_the_hashes()
    {
        // Given GSM8K's test.jsonl (1055 lines)
        // When it is imported
        var result = Import("gsm8k", "gsm8k/test.jsonl");

        // Then every row is a case whose expected answer is the final number, commas removed
        Assert.Equal(1055, result.Cases.Count);
        Assert.Empty(result.Problems);
        var first = result.Cases[0];
        Assert.Equal("gsm8k-1", first.Id);
        Assert.StartsWith("Question: Janet’s ducks lay 16 eggs per day.", first.Prompt);
        Assert.EndsWith("\nAnswer:", first.Prompt);
        Assert.Equal(["18"], first.Expected);
        Assert.EndsWith("#### 18", first.Metadata["solution"]);
        Assert.Equal(["2125"], Case(result, "gsm8k-117").Expected);
        Assert.Equal(["-10"], Case(result, "gsm8k-381").Expected);
        AssertScorable("gsm8k", result);
    }

    [Fact]
    public void Mmlu_reads_one_subject_file_with_the_subject_as_a_tag()
    {
        // Given abstract_algebra_test.csv (80 rows, no header)
        var result = Import("mmlu", "mmlu/data/test/abstract_algebra_test.csv");

        // Then each row is a four-way choice with its letter, tagged with subject and split
        Assert.Equal(80, result.Cases.Count);
        Assert.Empty(result.Problems);
        var first = result.Cases[0];
        Assert.Equal("mmlu-abstract_algebra_test-1", first.Id);
        Assert.Equal(["0", "4", "2", "6"], first.Choices);
        Assert.Equal("B", first.Answer);
        Assert.Equal("abstract_algebra", first.Tags["subject"]);
        Assert.Equal("test", first.Tags["split"]);
        Assert.Equal(
            "The following are multiple choice questions (with answers) about abstract algebra.\n\n"
            + "Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:",
            first.Prompt);
        AssertScorable("mmlu", result);
    }

    [Fact]
    public void Mmlu_reads_a_folder_of_subjects_including_multi_line_questions()
    {
        // Given data/test (57 subject files, 11233 rows, some questions spanning several lines)
        var result = Import("mmlu", "mmlu/data/test");

        // Then every row of every subject is read
        Assert.Equal(11233, result.Cases.Count);
        Assert.Empty(result.Problems);
        Assert.Equal(57, result.Files.Count);
        Assert.Equal(57, result.Cases.Select(c => c.Tags["subject"]).Distinct().Count());
        Assert.Equal(163, result.Cases.Count(c => c.Tags["subject"] == "high_school_us_history"));
        var history = result.Cases.First(c => c.Tags["subject"] == "high_school_us_history");
        Assert.Contains("\"The far-reaching, the boundless future", history.Prompt);
        Assert.Contains("By what means did the United States take possession of the Oregon Territory?", history.Prompt);
    }

    [Fact]
    public void Arc_letters_numbered_labels_and_keeps_file_ids()
    {
        // Given ARC-Challenge-Test.jsonl (938 lines; 19 items labelled 1 to 4)
        var result = Import("arc", "arc_challenge/ARC-Challenge-Test.jsonl");

        // Then each item keeps its id, and an answer key '2' becomes the letter B
        Assert.Equal(938, result.Cases.Count);
        Assert.Empty(result.Problems);
        var first = Case(result, "Mercury_SC_409171");
        Assert.Equal("B", first.Answer);
        Assert.Equal("buildings will be made safer", first.Choices[1]);
        Assert.StartsWith("Question: A group of engineers", first.Prompt);
        Assert.Equal("B", Case(result, "NYSEDREGENTS_2008_8_34").Answer);
        Assert.Contains(result.Cases, c => c.Choices.Count == 5);
        AssertScorable("arc", result);
    }

    [Fact]
    public void HumanEval_reads_the_gzip_and_keeps_test_and_entry_point()
    {
        // Given HumanEval.jsonl.gz (123 tasks)
        var result = Import("humaneval", "humaneval/HumanEval.jsonl.gz");

        // Then each task keeps its id, and test plus entry_point are metadata for a code scorer
        Assert.Equal(123, result.Cases.Count);
        Assert.Empty(result.Problems);
        var first = result.Cases[0];
        Assert.Equal("HumanEval/0", first.Id);
        Assert.Equal("has_close_elements", first.Metadata["entry_point"]);
        Assert.Contains("def check(candidate)", first.Metadata["test"]);
        Assert.StartsWith("from typing import List", first.Prompt);
        Assert.Equal("HumanEval/163", result.Cases[^1].Id);
        AssertScorable("humaneval", result);
    }

    [Fact]
    public void Mbpp_uses_the_paper_prompt_and_tags_the_upstream_split()
    {
        // Given mbpp.jsonl (781 tasks: 10 prompt, 400 test, 72 validation, 299 train)
        var result = Import("mbpp", "mbpp/mbpp.jsonl");

        // Then the prompt carries the asserts and the split follows the task id
        Assert.Equal(781, result.Cases.Count);
        Assert.Empty(result.Problems);
        var first = Case(result, "mbpp-1");
        Assert.StartsWith("You are an expert Python programmer, and here is your task: Write a function to find the minimum cost path", first.Prompt);
        Assert.Contains("assert min_cost([[1, 2, 3], [4, 8, 2], [1, 5, 3]], 2, 2) == 8", first.Prompt);
        Assert.Equal(3, first.Metadata["test"].Split('\n').Length);
        Assert.Equal("prompt", first.Tags["split"]);
        Assert.Equal(400, result.Cases.Count(c => c.Tags["split"] == "test"));
        Assert.Equal(299, result.Cases.Count(c => c.Tags["split"] == "train"));
        AssertScorable("mbpp", result);
    }
}
