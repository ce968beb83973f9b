using System.ClientModel;
using System.Text.Json.Nodes;
using EvalKit.Core.Backends;

namespace EvalKit.Remote.Internal;

/// <summary>
/// The JSON bodies of streamed <c>/completions</c> and <c>/chat/completions</c> requests. <c>max_tokens</c> is
/// used rather than <c>max_completion_tokens</c>: every OpenAI-compatible server understands it.
/// </summary>
internal static class RequestBody
{
    public static BinaryContent For(string model, GenerationRequest request)
    {
        var body = new JsonObject { ["model"] = model };
        if (request.Messages is { } messages)
        {
            var array = new JsonArray();
            foreach (var message in messages)
                array.Add(new JsonObject { ["role"] = message.Role, ["content"] = message.Content });
            body["messages"] = array;
            // vLLM and llama-server pass these to the chat template (Qwen3 and similar switch thinking with it).
            if (request.Parameters.Reasoning is { } reasoning)
                body["chat_template_kwargs"] = new JsonObject { ["enable_thinking"] = reasoning };
        }
        else
        {
            body["prompt"] = request.Prompt ?? throw new ArgumentException("A request needs a Prompt or Messages.", nameof(request));
        }

        var parameters = request.Parameters;
        body["max_tokens"] = parameters.MaxTokens;
        body["temperature"] = Math.Max(0f, parameters.Temperature);
        body["top_p"] = parameters.TopP;
        body["seed"] = parameters.Seed;
        var stops = parameters.Stop.Where(s => s.Length > 0).ToArray();
        if (stops.Length > 0)
            body["stop"] = new JsonArray([.. stops.Select(s => JsonValue.Create(s))]);
        body["stream"] = true;
        body["stream_options"] = new JsonObject { ["include_usage"] = true };
        return BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
