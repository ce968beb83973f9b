using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Datasets.Tests;

/// <summary><c>import --fewshot K</c> and <c>--as chat</c> on the real datasets.</summary>
public class FewShotImportTests
{
    public FewShotImportTests() => Registration.Ensure();

    private static string MmluTest => SharedAssets.Dataset("mmlu/data/test/astronomy_test.csv");

    [Fact]
    public void Mmlu_few_shot_draws_from_the_same_subjects_dev_split_under_one_subject_line()
    {
        var dev = DatasetFormats.Import("mmlu", SharedAssets.Dataset("mmlu/data/dev/astronomy_dev.csv"), DatasetImportOptions.Default).Cases;

        var result = DatasetFormats.Import("mmlu", MmluTest, new DatasetImportOptions { Limit = 4, FewShot = 3, FewShotSeed = 1 });

        Assert.Equal(new FewShotSpec(3, 1, "dev"), result.FewShot);
        foreach (var evalCase in result.Cases)
        {
            var prompt = evalCase.Prompt!;
            Assert.StartsWith("The following are multiple choice questions (with answers) about astronomy.\n\n", prompt);
            Assert.Equal(1, Count(prompt, "The following are"));
            var blocks = prompt.Split("\n\n");
            Assert.Equal(5, blocks.Length); // subject line, three examples, the question
            foreach (var example in blocks[1..4])
            {
                // Each example is a dev question, answered with its own letter after "Answer:"
                var source = Assert.Single(dev, d => d.Prompt!.EndsWith(example[..example.LastIndexOf(' ')], StringComparison.Ordinal));
                Assert.EndsWith("Answer: " + source.Answer, example);
            }
            Assert.EndsWith("Answer:", blocks[4]);
        }
    }

    [Fact]
    public void The_draw_is_seeded_per_case_so_sampling_other_cases_does_not_change_a_cases_examples()
    {
        var all = DatasetFormats.Import("mmlu", MmluTest, new DatasetImportOptions { Limit = 6, FewShot = 2, FewShotSeed = 5 }).Cases;
        var again = DatasetFormats.Import("mmlu", MmluTest, new DatasetImportOptions { Limit = 6, FewShot = 2, FewShotSeed = 5 }).Cases;
        var sampled = DatasetFormats.Import("mmlu", MmluTest, new DatasetImportOptions { Limit = 6, Sample = 2, Seed = 3, FewShot = 2, FewShotSeed = 5 }).Cases;
        var otherSeed = DatasetFormats.Import("mmlu", MmluTest, new DatasetImportOptions { Limit = 6, FewShot = 2, FewShotSeed = 6 }).Cases;

        Assert.Equal(all.Select(c => c.Prompt), again.Select(c => c.Prompt));
        Assert.All(sampled, c => Assert.Equal(all.Single(a => a.Id == c.Id).Prompt, c.Prompt));
        Assert.NotEqual(all.Select(c => c.Prompt), otherSeed.Select(c => c.Prompt));
    }

    [Fact]
    public void Arc_chat_few_shot_gives_user_and_assistant_turns_from_the_train_split()
    {
        var result = DatasetFormats.Import("arc", SharedAssets.Dataset("arc_challenge/ARC-Challenge-Test.jsonl"),
            new DatasetImportOptions { Limit = 2, FewShot = 2, Chat = true });

        Assert.Equal("ARC-Challenge-Train.jsonl", result.FewShot!.Source);
        foreach (var evalCase in result.Cases)
        {
            Assert.Null(evalCase.Prompt);
            Assert.Equal(["user", "assistant", "user", "assistant", "user"], evalCase.Messages!.Select(m => m.Role));
            Assert.All(evalCase.Messages!.Where(m => m.Role == "assistant"), m => Assert.Matches("^[A-E]$", m.Content));
            Assert.StartsWith("Question: ", evalCase.Messages![^1].Content);
        }
    }

    [Fact]
    public void Gsm8k_few_shot_shows_whole_solutions_ending_in_the_answer_and_names_the_missing_train_split()
    {
        // Given the shared GSM8K folder, which has the test split only
        var test = SharedAssets.Dataset("gsm8k/test.jsonl");
        var error = Assert.Throws<EvalKitException>(() => DatasetFormats.Import("gsm8k", test, new DatasetImportOptions { Limit = 1, FewShot = 2 }));
        Assert.Contains("train split", error.Message);
        Assert.Contains("train.jsonl", error.Message);
        Assert.Contains(Setting.FewShotFrom, error.HintText!.Terms);

        // When a train file is named
        using var temp = new TempDir();
        var lines = File.ReadAllLines(test);
        var train = temp.Write("train.jsonl", string.Join("\n", lines[200..205]));
        var result = DatasetFormats.Import("gsm8k", test, new DatasetImportOptions { Limit = 1, FewShot = 2, FewShotFrom = train });

        // Then the raw prompt is "Question: ...\nAnswer: <solution> #### N" twice, then the question
        var blocks = result.Cases.Single().Prompt!.Split("\n\n");
        Assert.Equal(3, blocks.Length);
        var solutions = lines[200..205].Select(l => JsonDocument.Parse(l).RootElement.GetProperty("answer").GetString()!).ToList();
        foreach (var example in blocks[..2])
        {
            Assert.StartsWith("Question: ", example);
            Assert.Contains(solutions, s => example.EndsWith("\nAnswer: " + s, StringComparison.Ordinal));
        }
        Assert.EndsWith("\nAnswer:", blocks[2]);
    }

    [Fact]
    public void A_format_without_a_few_shot_split_and_a_k_larger_than_the_split_are_refused()
    {
        var truthfulQa = Assert.Throws<EvalKitException>(() =>
            DatasetFormats.Import("truthfulqa", SharedAssets.Dataset("truthfulqa/TruthfulQA.csv"), new DatasetImportOptions { Limit = 1, FewShot = 1 }));
        Assert.Contains("no few-shot split", truthfulQa.Message);

        var tooMany = Assert.Throws<EvalKitException>(() => DatasetFormats.Import("mmlu", MmluTest, new DatasetImportOptions { Limit = 1, FewShot = 6 }));
        Assert.Contains("only 5 example(s) for 'astronomy'", tooMany.Message);
    }

    [Fact]
    public void Format_and_fewshot_survive_a_write_and_read_and_format_raw_refuses_chat_cases()
    {
        var suite = new Suite
        {
            Id = "s",
            Kind = SuiteKind.Accuracy,
            Format = SuiteFormat.Chat,
            FewShot = new FewShotSpec(2, 9, "dev"),
            Cases = [new EvalCase { Id = "a", Messages = [new ChatMessage("user", "hi")], Expected = ["x"] }],
        };

        var read = SuiteLoader.Parse(SuiteWriter.ToYaml(suite), "s.yaml");

        Assert.Equal((SuiteFormat.Chat, new FewShotSpec(2, 9, "dev")), (read.Format, read.FewShot));
        var raw = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(SuiteWriter.ToYaml(suite with { Format = SuiteFormat.Raw }), "s.yaml"));
        Assert.Contains("format: raw, but case 'a' has messages", raw.Diagnostics[0].Message);
        var typo = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(SuiteWriter.ToYaml(suite).Replace("format: chat", "format: chta"), "s.yaml"));
        Assert.Contains("Did you mean 'chat'?", typo.Diagnostics[0].Message);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
