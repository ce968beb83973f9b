using EvalKit.Bench.Load;
using EvalKit.Core.Backends;
using EvalKit.Remote.Serving;

namespace EvalKit.Bench.Tests.Load;

public sealed class ReasoningSweepTests
{
    [Fact]
    public async Task A_reasoning_models_first_answer_token_comes_after_its_first_token()
    {
        // Given the real server over a backend that thinks before it answers, one piece every 2 ms
        await using var backend = new Thinking();
        await using var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Port = 0 });

        // When swept
        var sweep = await LoadSweep.RunAsync(new LoadSweepOptions(server.BaseAddress, "thinker") { Concurrency = [1, 2], RequestsPerLevel = 4, PromptWords = 4, MaxTokens = 6 });

        // Then every request has a time to first answer token, no earlier than its first token
        Assert.All(sweep.Levels, level =>
        {
            Assert.Equal(4, level.TtfatMs!.Samples);
            Assert.True(level.TtfatMs.Mean > level.TtftMs!.Mean, $"{level.TtfatMs.Mean} vs {level.TtftMs.Mean}");
            Assert.True(level.TtfatMs.P50 >= level.TtftMs.P50 && level.TtfatMs.P99 >= level.TtftMs.P99);
            Assert.Equal(6, level.MeanOutputTokens);
        });
    }

    [Fact]
    public async Task A_model_that_does_not_reason_has_no_first_answer_latency()
    {
        var sweep = await LoadSweep.RunLoopbackAsync(new LoadSweepOptions(new Uri("http://unused/v1"), "unused") { Concurrency = [1], RequestsPerLevel = 3 });

        Assert.Null(sweep.Levels[0].TtfatMs);
    }

    private sealed class Thinking : IStreamingBackend
    {
        private static readonly string[] _pieces = ["<think>", "let me see", "</think>", "\n\n", "The", " end"];

        public ModelInfo Info { get; } = new() { Name = "thinker", Backend = "test", Source = "test" };

        public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
            GenerateAsync(request, _ => { }, cancellationToken);

        public async Task<Completion> GenerateAsync(GenerationRequest request, Action<string> onText, CancellationToken cancellationToken = default)
        {
            foreach (var piece in _pieces)
            {
                await Task.Delay(2, cancellationToken);
                onText(piece);
            }
            return new Completion { Text = string.Concat(_pieces), PromptTokens = 4, CompletionTokens = _pieces.Length };
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
