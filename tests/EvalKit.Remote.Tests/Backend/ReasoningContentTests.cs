using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Remote.Tests.Faults;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Backend;

/// <summary>
/// Reasoning a server's reasoning parser sends apart (<c>reasoning_content</c>, <c>reasoning</c>) is read and put
/// back in front of the answer in a <c>&lt;think&gt;</c> block, where suites split it off as they do for servers
/// that send it inline.
/// </summary>
public sealed class ReasoningContentTests
{
    private static GenerationRequest Chat(int maxTokens = 32) =>
        GenerationRequest.Chat([new ChatMessage("user", "What is 2+2?")], new GenerationParameters { MaxTokens = maxTokens });

    private static string Delta(string field, string text, string? finish = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["choices"] = new[] { new Dictionary<string, object?> { ["index"] = 0, ["delta"] = new Dictionary<string, string> { [field] = text }, ["finish_reason"] = finish } },
        });

    private static Task<FaultServer> Server(params (string Field, string Text)[] pieces) => Server("stop", pieces);

    private static Task<FaultServer> Server(string finish, params (string Field, string Text)[] pieces) =>
        FaultServer.StartAsync(async (http, _, _) =>
        {
            await FaultServer.BeginStreamAsync(http);
            foreach (var (field, text) in pieces)
                await FaultServer.EventAsync(http, Delta(field, text));
            await FaultServer.EventAsync(http, Delta("content", "", finish));
            await FaultServer.EventAsync(http, JsonSerializer.Serialize(new { choices = Array.Empty<object>(), usage = new { prompt_tokens = 9, completion_tokens = pieces.Length } }));
            await FaultServer.EventAsync(http, "[DONE]");
        });

    [Theory]
    [InlineData("reasoning_content")]
    [InlineData("reasoning")]
    public async Task Reasoning_sent_apart_comes_back_in_a_think_block_before_the_answer(string field)
    {
        // Given a server that sends two reasoning pieces, then the answer in two pieces
        await using var server = await Server((field, "Two and"), (field, " two."), ("content", "4"), ("content", " it is"));
        await using var backend = OpenAiBackend.Create(server.Options);

        // When asked
        var completion = await backend.GenerateAsync(Chat());

        // Then the text holds the reasoning in a block (closed by the last reasoning piece), one timeline step per piece,
        // and the default split finds both
        Assert.Equal("<think>Two and two.</think>4 it is", completion.Text);
        Assert.Equal([14, 27, 28, 34], completion.Timeline!.TextEnds);
        Assert.Equal(4, completion.CompletionTokens);
        var split = new ReasoningSplitter().Split(completion.Text);
        Assert.Equal((ReasoningState.Closed, "Two and two.", "4 it is"), (split.State, split.Reasoning, split.Answer));
    }

    [Fact]
    public async Task Reasoning_cut_by_the_token_limit_stays_open_and_reasoning_that_ended_is_closed()
    {
        await using var cut = await Server("length", ("reasoning_content", "Let me think"));
        await using var ended = await Server("stop", ("reasoning_content", "Nothing to say"));
        await using var cutBackend = OpenAiBackend.Create(cut.Options);
        await using var endedBackend = OpenAiBackend.Create(ended.Options);

        var open = await cutBackend.GenerateAsync(Chat(1));
        var closed = await endedBackend.GenerateAsync(Chat());

        Assert.Equal(("<think>Let me think", FinishReason.Length), (open.Text, open.FinishReason));
        Assert.Equal(ReasoningState.Unclosed, new ReasoningSplitter().Split(open.Text).State);
        Assert.Equal("<think>Nothing to say</think>", closed.Text);
        Assert.True(closed.Timeline!.Describes(closed.Text));
    }

    [Fact]
    public async Task A_run_against_a_server_that_separates_reasoning_scores_the_answer_and_records_the_reasoning()
    {
        // Given a suite that expects reasoning, and a server whose reasoning parser sends it apart
        await using var server = await Server(("reasoning_content", "Count: one, two, three, four."), ("content", "The answer is 4."));
        using var temp = new TempDir();
        var suite = SuiteLoader.LoadAll([temp.Write("suites/sum.yaml", """
            id: sum
            kind: accuracy
            defaults:
              reasoning: on
            scorer:
              type: contains
            cases:
              - id: four
                messages:
                  - {role: user, content: What is 2+2?}
                expected: ["4"]
            """)]).Single();

        // When run
        var result = await TestBackendFactory.RunAsync(suite, server.Options, temp.File("results"));

        // Then the answer is scored without the reasoning, and the reasoning is recorded (not taken for thought suppression)
        var sample = Assert.Single(SamplesReader.Read(result.Directory.Path));
        Assert.Equal((ReasoningState.Closed, "Count: one, two, three, four."), (sample.ReasoningState, sample.Reasoning));
        Assert.Equal(1, sample.Score);
        Assert.Equal(1, sample.ReasoningTokens);
    }
}
