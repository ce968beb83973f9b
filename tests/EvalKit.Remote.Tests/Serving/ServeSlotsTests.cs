using System.Text;
using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Llama;
using EvalKit.Remote.Serving;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Serving;

/// <summary><c>evalkit serve --parallel 4</c>: concurrent streamed requests share the model's slots over real loopback HTTP.</summary>
public sealed class ServeSlotsTests
{
    private static readonly string[] Prompts = ["Once upon a time", "The dog ran to the", "Tom had a red", "Lily and her mom went"];

    [Fact]
    public async Task Four_concurrent_streamed_requests_get_the_answers_one_at_a_time_gives()
    {
        // Given: the model served with four slots, and the same model answering one request at a time
        await using var slotted = await LlamaBackend.LoadAsync(ServedStoriesFixture.LocalOptions with { Parallel = 4 });
        await using var server = await OpenAiServer.StartAsync(slotted, new OpenAiServerOptions { Port = 0 });
        await using var alone = await LlamaBackend.LoadAsync(ServedStoriesFixture.LocalOptions);
        var sequential = new List<string>();
        foreach (var prompt in Prompts)
            sequential.Add((await alone.GenerateAsync(GenerationRequest.Raw(prompt, new GenerationParameters { MaxTokens = 24 }))).Text);

        // When: four streamed requests at once
        using var http = new HttpClient();
        var streamed = await Task.WhenAll(Prompts.Select(prompt => StreamAsync(http, server.BaseAddress, prompt)));

        // Then
        Assert.Equal(sequential, streamed.Select(s => s.Text));
        Assert.All(streamed, s => Assert.True(s.Chunks > 1, "the answer came in pieces"));
    }

    private static async Task<(string Text, int Chunks)> StreamAsync(HttpClient http, Uri baseAddress, string prompt)
    {
        var body = JsonSerializer.Serialize(new { model = ServedStoriesFixture.ModelName, prompt, max_tokens = 24, temperature = 0, stream = true });
        using var response = await http.PostAsync(new Uri(baseAddress + "/completions"), new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var text = new StringBuilder();
        var chunks = 0;
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal) || line == "data: [DONE]")
                continue;
            using var chunk = JsonDocument.Parse(line["data: ".Length..]);
            var choices = chunk.RootElement.GetProperty("choices");
            if (choices.GetArrayLength() > 0 && choices[0].TryGetProperty("text", out var piece) && piece.GetString() is { Length: > 0 } value)
            {
                text.Append(value);
                chunks++;
            }
        }
        return (text.ToString(), chunks);
    }
}
