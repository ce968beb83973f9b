using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvalKit.Remote.Tests.Faults;

/// <summary>
/// A real, deliberately misbehaving OpenAI-style server on a free loopback port. Each test scripts how the n-th
/// request (1-based, per prompt text) is answered; every request's body and Authorization header is recorded.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    public const string Model = "fault-model";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    private FaultServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Called with each request's JSON body.</summary>
    public Action<JsonElement>? OnBody { get; set; }

    public sealed record Received(string Path, string Prompt, int Attempt, string? Authorization, DateTimeOffset At);

    /// <summary>Answers each request with <paramref name="script"/>(context, prompt, attempt for that prompt).</summary>
    public static async Task<FaultServer> StartAsync(Func<HttpContext, string, int, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FaultServer? server = null;
        app.MapPost("/v1/{**path}", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var prompt = body?["prompt"]?.GetValue<string>() ?? (body?["messages"] as JsonArray)?.LastOrDefault()?["content"]?.GetValue<string>() ?? "";
            server!.OnBody?.Invoke(JsonSerializer.SerializeToElement(body));
            var attempt = server._attempts.AddOrUpdate(prompt, 1, (_, n) => n + 1);
            server.Requests.Enqueue(new Received(http.Request.Path, prompt, attempt, http.Request.Headers.Authorization.FirstOrDefault(), DateTimeOffset.UtcNow));
            await script(http, prompt, attempt);
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FaultServer(app, new Uri(bound + "/v1"));
        return server;
    }

    public OpenAiBackendOptions Options => new(BaseAddress, Model)
    {
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(2),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        IdleTimeout = TimeSpan.FromMilliseconds(300),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public int AttemptsFor(string prompt) => _attempts.GetValueOrDefault(prompt);

    /// <summary>A well-formed completions (or chat, by the path) stream: one chunk per piece, a finish reason, usage, [DONE].</summary>
    public static async Task StreamAsync(HttpContext http, params string[] pieces)
    {
        var chat = http.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal);
        await BeginStreamAsync(http);
        foreach (var piece in pieces)
            await EventAsync(http, chat ? ChatChunk(piece, null) : Chunk(piece, null));
        await EventAsync(http, chat ? ChatChunk("", "stop") : Chunk("", "stop"));
        await EventAsync(http, JsonSerializer.Serialize(new { choices = Array.Empty<object>(), usage = new { prompt_tokens = 3, completion_tokens = pieces.Length } }));
        await EventAsync(http, "[DONE]");
    }

    public static Task BeginStreamAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        return http.Response.Body.FlushAsync();
    }

    public static async Task EventAsync(HttpContext http, string data)
    {
        await http.Response.WriteAsync("data: " + data + "\n\n");
        await http.Response.Body.FlushAsync();
    }

    public static async Task RawAsync(HttpContext http, string text)
    {
        await http.Response.WriteAsync(text);
        await http.Response.Body.FlushAsync();
    }

    public static string Chunk(string text, string? finish) =>
        JsonSerializer.Serialize(new { choices = new[] { new { index = 0, text, finish_reason = finish } } });

    public static string ChatChunk(string content, string? finish) =>
        JsonSerializer.Serialize(new { choices = new[] { new { index = 0, delta = new { content }, finish_reason = finish } } });

    public static Task ErrorAsync(HttpContext http, int status, string message, string? retryAfter = null)
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null)
            http.Response.Headers.RetryAfter = retryAfter;
        return http.Response.WriteAsJsonAsync(new { error = new { message, type = "server_error" } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
