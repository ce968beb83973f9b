using System.Security.Cryptography;
using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Caching;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

/// <summary>Per-model settings over suite defaults, chat-only models, and judge-only models.</summary>
public class ModelSettingsRunTests
{
    private static readonly ModelSettings R1 = new()
    {
        Temperature = 0.6f,
        TopP = 0.95f,
        MaxTokens = 7,
        SystemPrompt = false,
        Stop = ["END"],
        Reasoning = true,
    };

    private static Suite Suite(SuiteFormat? format = SuiteFormat.Chat) => new()
    {
        Id = "capitals",
        Kind = SuiteKind.Accuracy,
        Digest = "abc",
        Format = format,
        Defaults = new GenerationDefaults { System = "Answer in one word.", MaxTokens = 32, Temperature = 0f, TopP = 1f, Stop = ["\n"] },
        Cases =
        [
            new EvalCase { Id = "fr", Prompt = "France?", Expected = ["Paris"] },
            new EvalCase { Id = "own", Messages = [new ChatMessage("system", "Case system."), new ChatMessage("user", "Italy?")], Expected = ["Rome"] },
        ],
    };

    [Fact]
    public async Task A_models_own_settings_override_the_suite_defaults_for_that_model_only()
    {
        // Given a teacher with DeepSeek-R1's settings and a student with none, on a format: chat suite with a system prompt
        using var temp = new TempDir();
        var teacher = new ScriptedBackend("teacher", new Dictionary<string, string>());
        var student = new ScriptedBackend("student", new Dictionary<string, string>());
        var factory = new ScriptedBackendFactory(new() { ["t"] = teacher, ["s"] = student });

        // When
        await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Suite()],
            Models = [new ModelSpec("teacher", "t") { Settings = R1 }, new ModelSpec("student", "s")],
            ResultsRoot = temp.Path,
        });

        // Then the teacher's prompt is a lone user turn under its own sampling, while a case's own system message stays
        var fr = teacher.Requests.Single(r => r.Messages!.Last().Content == "France?");
        Assert.Equal([new ChatMessage("user", "France?")], fr.Messages);
        Assert.Equal((0.6f, 0.95f, 7, true), (fr.Parameters.Temperature, fr.Parameters.TopP, fr.Parameters.MaxTokens, fr.Parameters.Reasoning));
        Assert.Equal(["END"], fr.Parameters.Stop);
        Assert.Equal("system", teacher.Requests.Single(r => r.Messages!.Last().Content == "Italy?").Messages![0].Role);
        // And the student keeps the suite's
        var studentFr = student.Requests.Single(r => r.Messages!.Last().Content == "France?");
        Assert.Equal([new ChatMessage("system", "Answer in one word."), new ChatMessage("user", "France?")], studentFr.Messages);
        Assert.Equal((0f, 1f, 32, (bool?)null), (studentFr.Parameters.Temperature, studentFr.Parameters.TopP, studentFr.Parameters.MaxTokens, studentFr.Parameters.Reasoning));
    }

    [Fact]
    public async Task A_changed_temperature_never_reuses_a_cached_answer()
    {
        // Given an answer cached at temperature 0.6
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("cache.sqlite"));
        async Task<ScriptedBackend> RunAt(float temperature)
        {
            var teacher = new ScriptedBackend("teacher", new Dictionary<string, string> { ["France?"] = "Paris" });
            await new EvaluationRunner(new ScriptedBackendFactory(new() { ["t"] = teacher })).RunAsync(new RunRequest
            {
                Suites = [Suite()],
                Models = [new ModelSpec("teacher", "t") { Settings = new ModelSettings { Temperature = temperature } }],
                ResultsRoot = temp.File("results"),
                Decorate = CachingBackend.For(cache),
            });
            return teacher;
        }
        Assert.Equal(2, (await RunAt(0.6f)).Calls);

        // When the same model runs at 0.6 again, then at 0.7
        var again = await RunAt(0.6f);
        var warmer = await RunAt(0.7f);

        // Then only the first is answered from the cache
        Assert.Equal(0, again.Calls);
        Assert.Equal(2, warmer.Calls);
    }

    [Theory]
    [InlineData(ModelApi.Chat, null, "takes chat messages only (api: chat), but suite 'capitals' has 1 raw prompt case(s)")]
    [InlineData(ModelApi.Completions, SuiteFormat.Raw, "takes raw prompts only (api: completions), but suite 'capitals' has 1 chat case(s)")]
    public async Task A_case_the_model_cannot_take_is_refused_before_anything_loads(ModelApi api, SuiteFormat? format, string expected)
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["t"] = new ScriptedBackend("teacher", new Dictionary<string, string>()) });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Suite(format)],
            Models = [new ModelSpec("teacher", "t") { Settings = new ModelSettings { Api = api } }],
            ResultsRoot = temp.Path,
        }));

        Assert.Contains(expected, error.Message);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.Empty(factory.Loaded);
        Assert.Empty(Directory.GetDirectories(temp.Path));
    }

    [Fact]
    public async Task A_chat_only_model_takes_a_format_chat_suite_of_raw_prompts()
    {
        using var temp = new TempDir();
        var teacher = new ScriptedBackend("teacher", new Dictionary<string, string>());

        await new EvaluationRunner(new ScriptedBackendFactory(new() { ["t"] = teacher })).RunAsync(new RunRequest
        {
            Suites = [Suite(SuiteFormat.Chat)],
            Models = [new ModelSpec("teacher", "t") { Settings = new ModelSettings { Api = ModelApi.Chat } }],
            ResultsRoot = temp.Path,
        });

        Assert.All(teacher.Requests, r => Assert.Null(r.Prompt));
    }

    [Fact]
    public async Task A_judge_only_model_grades_every_answer_and_answers_no_case()
    {
        // Given a suite judged by "grader", which is a judge only
        using var temp = new TempDir();
        const string rubric = "Grade: {{answer}}";
        var suite = Suite() with
        {
            Judge = new JudgeSpec
            {
                Model = "grader",
                Rubric = "r.md",
                RubricPath = temp.Write("r.md", rubric),
                RubricDigest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rubric))),
            },
        };
        var grader = new ScriptedBackend("grader", new Dictionary<string, string> { ["Grade: Paris"] = "LABEL: correct\nREASON: right." });
        var student = new ScriptedBackend("student", new Dictionary<string, string> { ["France?"] = "Paris", ["Italy?"] = "Paris" });
        var factory = new ScriptedBackendFactory(new() { ["g"] = grader, ["s"] = student });

        // When
        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("student", "s")],
            Judges = [new ModelSpec("grader", "g")],
            ResultsRoot = temp.Path,
        });

        // Then the grader was loaded once, to judge, and was asked only to grade
        Assert.Equal(["student", "grader"], factory.Loaded);
        Assert.All(grader.Requests, r => Assert.StartsWith("Grade: ", r.Messages!.Last().Content));
        Assert.Equal(2, JudgementsFile.Read(result.Directory.Path).Count);
        Assert.All(SamplesReader.Read(result.Directory.Path), s => Assert.Equal("student", s.Model));
        Assert.Equal("grader", Assert.Single(result.Manifest.JudgeSpecs!).Name);
        Assert.DoesNotContain(result.Metrics.Suites, m => m.Model == "grader");
    }
}
