using System.Text;
using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Core.Suites;
using EvalKit.Remote.Internal;
using EvalKit.Remote.Wire;

namespace EvalKit.Remote.Tests.Wire;

/// <summary>The one JSON contract the backend, the load generator and serve share.</summary>
public sealed class WireJsonTests
{
    private static WireResponse Parse(string json) => WireJson.Response(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Stream_chunks_read_content_reasoning_usage_and_errors()
    {
        Assert.Equal("hi", Parse("""{"choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}""").Choices![0].Delta!.Content);
        var reasoning = Parse("""{"choices":[{"delta":{"content":null,"reasoning_content":"so"}}],"usage":null}""");
        Assert.Equal(("", "so"), (reasoning.Choices![0].Delta!.Content ?? "", reasoning.Choices[0].Delta!.ReasoningText));
        Assert.Null(reasoning.Usage);
        Assert.Equal("hm", Parse("""{"choices":[{"delta":{"reasoning":"hm"}}]}""").Choices![0].Delta!.ReasoningText);
        var usage = Parse("""{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}""");
        Assert.Equal((12, 30), (usage.Usage!.PromptTokens, usage.Usage.CompletionTokens));
        Assert.Empty(usage.Choices!);
        Assert.Equal("overloaded", Parse("""{"error":{"message":"overloaded","type":"server_error"}}""").Error!.Message);
        Assert.Equal("plain", Parse("""{"error":"plain"}""").Error!.Message);
        var odd = Parse("""{"choices":"odd","usage":7}""");
        Assert.Equal((null, null, null), (odd.Choices, odd.Usage, odd.Error));
        var oddFields = Parse("""{"id":5,"choices":[{"text":["x"],"finish_reason":1}],"usage":{"prompt_tokens":"12"}}""");
        Assert.Equal((null, null, null, null), (oddFields.Id, oddFields.Choices![0].Text, oddFields.Choices[0].FinishReason, oddFields.Usage!.PromptTokens));
    }

    [Fact]
    public void A_request_the_backend_writes_reads_back_field_for_field()
    {
        // Given a chat request with every parameter set
        var parameters = new GenerationParameters { MaxTokens = 7, Temperature = 0.5f, TopP = 0.9f, Seed = 4_000_000_000, Stop = ["\n", ""], Reasoning = false };
        var request = GenerationRequest.Chat([new ChatMessage("system", "Be brief."), new ChatMessage("user", "Hi")], parameters);

        // When written as the backend sends it and read as serve reads it
        var json = JsonSerializer.Serialize(RequestBody.Of("m", request), WireJson.Default.WireRequest);
        var read = JsonSerializer.Deserialize(json, WireJson.Default.WireRequest)!;

        // Then every field survives, the empty stop string is not sent, and unset fields are not written
        Assert.Equal("m", read.Model);
        Assert.Equal([new WireMessage("system", "Be brief."), new WireMessage("user", "Hi")], read.Messages);
        Assert.Equal((7, 0.5f, 0.9f, 4_000_000_000L), (read.MaxTokens, read.Temperature, read.TopP, read.Seed));
        Assert.Equal(["\n"], read.Stop);
        Assert.Equal((true, true), (read.Stream, read.StreamOptions?.IncludeUsage));
        Assert.False(read.ChatTemplateKwargs!["enable_thinking"]!.GetValue<bool>());
        Assert.DoesNotContain("\"prompt\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"prompt": ["one"], "stop": "x", "messages": [{"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}]}""")]
    public void Requests_accept_the_shapes_openai_clients_send(string body)
    {
        var read = JsonSerializer.Deserialize(body, WireJson.Default.WireRequest)!;

        Assert.Equal("one", read.Prompt);
        Assert.Equal(["x"], read.Stop);
        Assert.Equal("ab", read.Messages![0].Content);
    }

    [Theory]
    [InlineData("""{"prompt": [1, 2]}""", "$.prompt")]
    [InlineData("""{"stop": 3}""", "$.stop")]
    [InlineData("""{"messages": [{"role": "user", "content": [{"type": "image_url"}]}]}""", "$.messages[0].content")]
    public void Request_fields_of_another_shape_are_refused_naming_the_field(string body, string path)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, WireJson.Default.WireRequest));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void An_error_is_written_with_every_field_and_read_back()
    {
        var json = JsonSerializer.Serialize(new WireResponse { Error = new WireError("bad", "invalid_request_error", "n") }, WireJson.Default.WireResponse);

        Assert.Equal("""{"error":{"message":"bad","type":"invalid_request_error","param":"n","code":null}}""", json);
        Assert.Equal("bad", WireJson.ErrorMessage(json));
        Assert.Null(WireJson.ErrorMessage("<html>"));
    }
}
