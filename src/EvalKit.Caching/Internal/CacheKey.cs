using System.Security.Cryptography;
using System.Text.Json;
using EvalKit.Core.Backends;

namespace EvalKit.Caching.Internal;

/// <summary>
/// SHA-256 over a canonical JSON of everything that decides a completion: the model identity, the raw prompt or
/// every chat message (the system prompt included) and every sampling parameter. Fields are written in a fixed
/// order, so the same request always gives the same key; bump <see cref="Version"/> when the fields change.
/// </summary>
internal static class CacheKey
{
    private const int Version = 1;

    public static string For(string modelIdentity, GenerationRequest request)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("model", modelIdentity);
            if (request.Prompt is not null)
                json.WriteString("prompt", request.Prompt);
            if (request.Messages is not null)
            {
                json.WriteStartArray("messages");
                foreach (var message in request.Messages)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(message.Role);
                    json.WriteStringValue(message.Content);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            var parameters = request.Parameters;
            json.WriteNumber("max_tokens", parameters.MaxTokens);
            json.WriteNumber("temperature", parameters.Temperature);
            json.WriteNumber("top_p", parameters.TopP);
            json.WriteNumber("seed", parameters.Seed);
            json.WriteStartArray("stop");
            foreach (var stop in parameters.Stop)
                json.WriteStringValue(stop);
            json.WriteEndArray();
            // Written only when set, so keys of requests without it stay as they were.
            if (parameters.Reasoning is { } reasoning)
                json.WriteBoolean("reasoning", reasoning);
            json.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
