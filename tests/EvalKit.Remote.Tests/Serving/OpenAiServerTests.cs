using System.Net;
using System.Text;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Serving;

/// <summary>The HTTP surface of <c>evalkit serve</c>, checked with a plain HttpClient as any other tool would use it.</summary>
public sealed class OpenAiServerTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    private static readonly HttpClient _http = new();

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _http.PostAsync(served.Server.BaseAddress + path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Models_lists_the_served_model()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(served.Server.BaseAddress + "/models"));

        Assert.Equal(ServedStoriesFixture.ModelName, json.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Completion_without_stream_returns_text_finish_reason_and_usage()
    {
        using var response = await PostAsync("/completions", """{"model": "stories", "prompt": "Once upon a time", "max_tokens": 6, "temperature": 0}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var choice = json.RootElement.GetProperty("choices")[0];
        Assert.StartsWith(", there was", choice.GetProperty("text").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    [Fact]
    public async Task Chat_stream_sends_role_content_finish_usage_and_done()
    {
        var body = """{"model": "stories", "messages": [{"role": "user", "content": "Tell me a story."}], "max_tokens": 4, "temperature": 0, "stream": true, "stream_options": {"include_usage": true}}""";
        using var response = await PostAsync("/chat/completions", body);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("length", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(4, chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Unknown_model_gets_404_with_an_openai_style_error()
    {
        using var response = await PostAsync("/completions", """{"model": "gpt-9", "prompt": "Hi"}""");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = json.RootElement.GetProperty("error");
        Assert.Contains("'gpt-9' does not exist", error.GetProperty("message").GetString());
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/completions", "{not json", "not valid JSON")]
    [InlineData("/completions", """{"prompt": "Hi"}""", "model")]
    [InlineData("/completions", """{"model": "stories", "prompt": [1, 2]}""", "prompt")]
    [InlineData("/completions", """{"model": "stories", "prompt": "Hi", "max_tokens": "many"}""", "max_tokens")]
    [InlineData("/chat/completions", """{"model": "stories", "messages": []}""", "messages")]
    public async Task Bad_request_gets_400_naming_the_problem(string path, string body, string mentioned)
    {
        using var response = await PostAsync(path, body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, json.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Several_requests_at_once_are_all_answered_identically()
    {
        var requests = Enumerable.Range(0, 4).Select(_ =>
            served.Remote.GenerateAsync(GenerationRequest.Raw("The little dog", new GenerationParameters { MaxTokens = 12 })));

        var completions = await Task.WhenAll(requests);

        Assert.Single(completions.Select(c => c.Text).Distinct());
    }

    [Fact]
    public async Task Wrong_model_name_from_the_backend_is_a_404_error_that_says_how_to_list_models()
    {
        await using var backend = OpenAiBackend.Create(served.RemoteOptions with { Model = "no-such-model" });

        var error = await Assert.ThrowsAsync<EvalKitException>(() =>
            backend.GenerateAsync(GenerationRequest.Raw("Hi", new GenerationParameters { MaxTokens = 2 })));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("'no-such-model'", error.Message);
        Assert.Contains("/models", error.Hint);
    }

    [Fact]
    public async Task Port_in_use_is_a_clear_error()
    {
        var taken = served.Server.BaseAddress.Port;

        var error = await Assert.ThrowsAsync<EvalKitException>(() =>
            Remote.Serving.OpenAiServer.StartAsync(served.Local, new Remote.Serving.OpenAiServerOptions { Port = taken }));

        Assert.Contains($"127.0.0.1:{taken}", error.Message);
        Assert.Contains("--port", error.Hint);
    }
}
