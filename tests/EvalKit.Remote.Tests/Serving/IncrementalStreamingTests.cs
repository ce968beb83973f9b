using System.Text;
using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Serving;

/// <summary>Text streamed while it is generated: by the local backend to a callback, and by the server as SSE chunks.</summary>
public sealed class IncrementalStreamingTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    private static GenerationRequest Story(GenerationParameters parameters) => GenerationRequest.Raw("Once upon a time", parameters);

    [Fact]
    public async Task Local_backend_hands_out_pieces_that_join_to_the_completion()
    {
        var pieces = new List<string>();

        var completion = await served.Local.GenerateAsync(Story(new() { MaxTokens = 24 }), pieces.Add);

        Assert.True(pieces.Count > 1, $"{pieces.Count} piece(s)");
        Assert.Equal(completion.Text, string.Concat(pieces));
    }

    [Fact]
    public async Task Pieces_never_include_a_stop_string_or_what_follows_it()
    {
        // Given a stop string taken from the middle of the greedy continuation
        var full = (await served.Local.GenerateAsync(Story(new() { MaxTokens = 24 }))).Text;
        var stop = full.Substring(full.Length / 2, 4);
        var pieces = new List<string>();

        // When the same request streams with that stop string
        var completion = await served.Local.GenerateAsync(Story(new() { MaxTokens = 24, Stop = [stop] }), pieces.Add);

        // Then the pieces join to the trimmed text, never past it
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], completion.Text);
        Assert.Equal(completion.Text, string.Concat(pieces));
    }

    [Fact]
    public async Task Server_streams_several_text_chunks_that_join_to_the_whole_answer()
    {
        using var http = new HttpClient();
        var body = """{"model": "stories", "prompt": "Once upon a time", "max_tokens": 24, "temperature": 0, "stream": true}""";

        using var response = await http.PostAsync(served.Server.BaseAddress + "/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var texts = events[..^1]
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement.GetProperty("choices"))
            .Where(c => c.GetArrayLength() > 0)
            .Select(c => c[0].GetProperty("text").GetString())
            .Where(t => !string.IsNullOrEmpty(t))
            .ToList();
        var whole = await served.Local.GenerateAsync(Story(new() { MaxTokens = 24 }));

        Assert.True(texts.Count > 1, $"{texts.Count} text chunk(s)");
        Assert.Equal(whole.Text, string.Concat(texts));
    }
}
