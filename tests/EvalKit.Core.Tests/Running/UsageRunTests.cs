using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

/// <summary>Token counts and cost per model in metrics.json, and <c>run --max-cost</c>.</summary>
public class UsageRunTests
{
    // The scripted backend reports prompt tokens = prompt length and completion tokens = answer length.
    private static readonly Dictionary<string, string> Answers = new() { ["aa"] = "<think>x</think>1234", ["bbbb"] = "12", ["c"] = "123" };

    private static Suite Suite => new()
    {
        Id = "s",
        Kind = SuiteKind.Custom,
        Digest = "d",
        Cases = [.. Answers.Keys.Select(k => new EvalCase { Id = k, Prompt = k, Expected = ["1"] })],
    };

    [Fact]
    public async Task Metrics_give_each_models_tokens_and_the_cost_of_a_priced_model()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new()
        {
            ["t"] = new ScriptedBackend("teacher", Answers),
            ["s"] = new ScriptedBackend("student", Answers),
        });

        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Suite],
            Models = [new ModelSpec("teacher", "t") { Price = new ModelPrice(2, 10) }, new ModelSpec("student", "s")],
            ResultsRoot = temp.Path,
        });

        var teacher = result.Metrics.Usage.Single(u => u.Model == "teacher");
        // prompts 2 + 4 + 1 = 7 tokens; answers 20 + 2 + 3 = 25; cost (7·2 + 25·10) / 1e6
        Assert.Equal((3, 7L, 25L), (teacher.Samples, teacher.PromptTokens, teacher.CompletionTokens));
        Assert.Equal(264e-6, teacher.Cost!.Value, 12);
        Assert.Null(result.Metrics.Usage.Single(u => u.Model == "student").Cost);
    }

    [Fact]
    public void Usage_sums_generated_samples_only_and_counts_reasoning_tokens_within_the_completion()
    {
        SampleRecord Sample(string id, int prompt, int completion, int? reasoning, bool cached = false, string? error = null) => new()
        {
            Model = "r1",
            Suite = "s",
            CaseId = id,
            Label = "correct",
            PromptTokens = prompt,
            CompletionTokens = completion,
            ReasoningTokens = reasoning,
            Cached = cached,
            Error = error,
        };
        var samples = new[]
        {
            Sample("a", 100, 900, 800), Sample("b", 50, 10, null), Sample("c", 70, 500, 400, cached: true), Sample("d", 30, 0, null, error: "HTTP 500"),
        };

        var usage = Assert.Single(ModelUsage.From(samples, [new ModelSpec("r1", "x") { Price = new ModelPrice(0.55, 2.19) }]));

        Assert.Equal((2, 1, 150L, 910L, 800L), (usage.Samples, usage.CachedSamples, usage.PromptTokens, usage.CompletionTokens, usage.ReasoningTokens));
        Assert.Equal((150 * 0.55 + 910 * 2.19) / 1e6, usage.Cost!.Value, 12);
    }

    [Fact]
    public async Task Max_cost_stops_the_run_once_passed_and_resume_finishes_it()
    {
        // Given a price at which every answer costs 1 (a million per token of completion, prompts free)
        using var temp = new TempDir();
        var spec = new ModelSpec("teacher", "t") { Price = new ModelPrice(0, 1_000_000.0 / 20) };
        var answers = Answers.Keys.ToDictionary(k => k, _ => new string('9', 20));
        var first = new ScriptedBackend("teacher", answers);

        // When the run may spend 1.5
        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(new ScriptedBackendFactory(new() { ["t"] = first }))
            .RunAsync(new RunRequest { Suites = [Suite], Models = [spec], ResultsRoot = temp.Path, MaxCost = 1.5 }));

        // Then it stopped after the answer that passed 1.5, resumably
        Assert.Equal(ErrorKind.RuntimeFailure, error.Kind);
        Assert.Contains("passed max_cost 1.5", error.Message);
        Assert.Contains(Setting.MaxCost, error.Text.Terms);
        var runDir = Assert.Single(Directory.GetDirectories(temp.Path));
        Assert.Equal(2, SamplesReader.Read(runDir).Count);
        Assert.Contains(Setting.Resume, error.HintText!.Terms);

        // And resuming with a higher limit answers only the rest
        var second = new ScriptedBackend("teacher", answers);
        var result = await new EvaluationRunner(new ScriptedBackendFactory(new() { ["t"] = second }))
            .RunAsync(new RunRequest { Suites = [Suite], Models = [spec], ResultsRoot = temp.Path, ResumeDirectory = runDir, MaxCost = 5 });
        Assert.Equal(1, second.Calls);
        Assert.Equal(3.0, result.Metrics.Usage.Single().Cost!.Value, 9);
    }

    [Fact]
    public async Task Max_cost_without_any_priced_model_is_refused_before_the_run()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["t"] = new ScriptedBackend("teacher", Answers) });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(factory)
            .RunAsync(new RunRequest { Suites = [Suite], Models = [new ModelSpec("teacher", "t")], ResultsRoot = temp.Path, MaxCost = 1 }));

        Assert.Contains("max_cost needs a price", error.Message);
        Assert.Contains(Setting.MaxCost, error.Text.Terms);
        Assert.Empty(factory.Loaded);
    }
}
