using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalKit.Core.Backends;
using EvalKit.Remote.Wire;

namespace EvalKit.Remote.Internal;

/// <summary>
/// The <see cref="WireRequest"/> of a streamed <c>/completions</c> or <c>/chat/completions</c> request.
/// <c>max_tokens</c> is used rather than <c>max_completion_tokens</c>: every OpenAI-compatible server understands it.
/// </summary>
internal static class RequestBody
{
    public static WireRequest Of(string model, GenerationRequest request)
    {
        var parameters = request.Parameters;
        var stops = parameters.Stop.Where(s => s.Length > 0).ToArray();
        var body = new WireRequest
        {
            Model = model,
            MaxTokens = parameters.MaxTokens,
            Temperature = Math.Max(0f, parameters.Temperature),
            TopP = parameters.TopP,
            Seed = parameters.Seed,
            Stop = stops.Length > 0 ? stops : null,
            Stream = true,
            StreamOptions = new WireStreamOptions(IncludeUsage: true),
        };
        if (request.Messages is not { } messages)
            return body with { Prompt = request.Prompt ?? throw new ArgumentException("A request needs a Prompt or Messages.", nameof(request)) };
        return body with
        {
            Messages = [.. messages.Select(m => new WireMessage(m.Role, m.Content))],
            // vLLM and llama-server pass these to the chat template (Qwen3 and similar switch thinking with it).
            ChatTemplateKwargs = parameters.Reasoning is { } reasoning ? new JsonObject { ["enable_thinking"] = reasoning } : null,
        };
    }

    public static BinaryContent For(string model, GenerationRequest request) => Content(Of(model, request));

    public static BinaryContent Content(WireRequest body) =>
        BinaryContent.Create(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Default.WireRequest)));
}
