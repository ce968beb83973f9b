using EvalKit.Core.Backends;

namespace EvalKit.Llama.Tests.Backend;

/// <summary>
/// What every <see cref="IModelBackend"/> must do, whatever runs the model. A backend's test class derives
/// from this and supplies a loaded backend (shared through a class fixture) and, if needed, a prompt that
/// model continues with at least a dozen tokens.
/// </summary>
public abstract class BackendContractTests
{
    protected abstract IModelBackend Backend { get; }

    protected virtual GenerationRequest Request(GenerationParameters parameters) =>
        GenerationRequest.Raw("Once upon a time", parameters);

    private static GenerationParameters Greedy(int maxTokens) => new() { MaxTokens = maxTokens, Temperature = 0 };

    [Fact]
    public async Task Normal_prompt_gives_non_empty_text()
    {
        var completion = await Backend.GenerateAsync(Request(Greedy(16)));

        Assert.False(string.IsNullOrWhiteSpace(completion.Text));
    }

    [Fact]
    public async Task Completion_reports_token_counts_and_ordered_timings()
    {
        var completion = await Backend.GenerateAsync(Request(Greedy(16)));

        Assert.True(completion.PromptTokens > 0, $"PromptTokens = {completion.PromptTokens}");
        Assert.True(completion.CompletionTokens > 0, $"CompletionTokens = {completion.CompletionTokens}");
        Assert.True(completion.TimeToFirstToken > TimeSpan.Zero, $"TimeToFirstToken = {completion.TimeToFirstToken}");
        Assert.True(completion.TimeToFirstToken <= completion.TotalTime,
            $"TimeToFirstToken {completion.TimeToFirstToken} > TotalTime {completion.TotalTime}");
    }

    [Fact]
    public async Task Max_tokens_ends_the_completion_with_length()
    {
        var completion = await Backend.GenerateAsync(Request(Greedy(5)));

        Assert.Equal(FinishReason.Length, completion.FinishReason);
        Assert.Equal(5, completion.CompletionTokens);
    }

    [Fact]
    public async Task Stop_string_trims_it_and_everything_after_and_reports_stop()
    {
        // Given a stop string taken from the middle of what the model says greedily
        var full = (await Backend.GenerateAsync(Request(Greedy(24)))).Text;
        var stop = full.Substring(full.Length / 2, 3);
        var expected = full[..full.IndexOf(stop, StringComparison.Ordinal)];

        // When the same request carries that stop string
        var stopped = await Backend.GenerateAsync(Request(Greedy(24) with { Stop = ["\u0001never", stop] }));

        // Then the text ends just before its first occurrence
        Assert.Equal(expected, stopped.Text);
        Assert.Equal(FinishReason.Stop, stopped.FinishReason);
    }

    [Fact]
    public async Task Temperature_zero_is_deterministic()
    {
        var first = await Backend.GenerateAsync(Request(Greedy(24)));
        var second = await Backend.GenerateAsync(Request(Greedy(24)));

        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task Cancelled_token_cancels_the_request()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Backend.GenerateAsync(Request(Greedy(16)), cancelled.Token));
    }

    [Fact]
    public async Task Backend_still_works_after_a_cancelled_request()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Backend.GenerateAsync(Request(Greedy(16)), cancelled.Token));

        var completion = await Backend.GenerateAsync(Request(Greedy(16)));

        Assert.False(string.IsNullOrWhiteSpace(completion.Text));
    }

    [Fact]
    public async Task Concurrent_greedy_requests_each_get_the_answer_they_get_alone()
    {
        // Given: the runner sends up to N requests at once to every backend
        var limits = new[] { 8, 16, 12, 20 };
        var alone = new List<string>();
        foreach (var limit in limits)
            alone.Add((await Backend.GenerateAsync(Request(Greedy(limit)))).Text);

        // When
        var together = await Task.WhenAll(limits.Select(limit => Backend.GenerateAsync(Request(Greedy(limit)))));

        // Then
        Assert.Equal(alone, together.Select(c => c.Text));
    }
}
