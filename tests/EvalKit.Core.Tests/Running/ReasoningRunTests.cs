using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public class ReasoningRunTests
{
    private static Suite Suite(ReasoningFormat? reasoning) => new()
    {
        Id = "r",
        Kind = SuiteKind.Accuracy,
        Defaults = new GenerationDefaults { Reasoning = reasoning },
        Scorer = new ScorerSpec("exact", new Dictionary<string, string>()),
        Cases =
        [
            new EvalCase { Id = "closed", Prompt = "closed?", Expected = ["4"] },
            new EvalCase { Id = "unclosed", Prompt = "unclosed?", Expected = ["4"] },
            new EvalCase { Id = "empty", Prompt = "empty?", Expected = ["4"] },
            new EvalCase { Id = "plain", Prompt = "plain?", Expected = ["4"] },
        ],
    };

    private static readonly Dictionary<string, string> Answers = new()
    {
        ["closed?"] = "<think>2+2 is 4, not 5</think>\n4",
        ["unclosed?"] = "<think>2+2 is",
        ["empty?"] = "<think>\n</think>4",
        ["plain?"] = "4",
    };

    [Fact]
    public async Task Scorers_see_the_answer_only_and_samples_record_the_reasoning()
    {
        // When
        var samples = await Run(Suite(ReasoningFormat.Think with { Expected = true }));

        // Then
        var closed = samples["closed"];
        Assert.Equal((1.0, ReasoningState.Closed, "2+2 is 4, not 5"), (closed.Score, closed.ReasoningState, closed.Reasoning));
        Assert.Equal((15, 1), (closed.ReasoningChars, closed.AnswerChars));
        // The scripted backend reports no per-token timeline, so token counts per part and answer timing stay unknown.
        Assert.Equal(((int?)null, (int?)null, (double?)null), (closed.ReasoningTokens, closed.AnswerTokens, closed.TimeToFirstAnswerTokenMs));
        Assert.Equal("<think>2+2 is 4, not 5</think>\n4", closed.Completion);
        Assert.False(closed.ThoughtSuppressed);

        var unclosed = samples["unclosed"];
        Assert.Equal((0.0, ScoreLabel.UnclosedReasoning), (unclosed.Score, unclosed.Label));
        Assert.Contains("never closed", unclosed.Reason);

        Assert.Equal((1.0, ReasoningState.Empty, true), (samples["empty"].Score, samples["empty"].ReasoningState, samples["empty"].ThoughtSuppressed));
        Assert.Equal((ReasoningState.Missing, true), (samples["plain"].ReasoningState, samples["plain"].ThoughtSuppressed));
    }

    [Fact]
    public async Task Default_splitting_records_nothing_for_plain_answers_and_flags_no_suppression()
    {
        // When
        var samples = await Run(Suite(ReasoningFormat.Think));

        // Then
        Assert.Equal(1.0, samples["closed"].Score);
        Assert.Null(samples["plain"].ReasoningState);
        Assert.False(samples["empty"].ThoughtSuppressed);
    }

    [Fact]
    public async Task Reasoning_off_scores_the_whole_completion()
    {
        // When
        var samples = await Run(Suite(null));

        // Then
        Assert.Equal((0.0, ScoreLabel.Incorrect), (samples["closed"].Score, samples["closed"].Label));
        Assert.Null(samples["closed"].ReasoningState);
        Assert.Equal(ScoreLabel.Incorrect, samples["unclosed"].Label);
    }

    private static async Task<Dictionary<string, SampleRecord>> Run(Suite suite)
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["m"] = new ScriptedBackend("m", Answers) });
        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("m", "m")],
            ResultsRoot = temp.Path,
        });
        return SamplesReader.Read(result.Directory.Path).ToDictionary(s => s.CaseId);
    }
}
