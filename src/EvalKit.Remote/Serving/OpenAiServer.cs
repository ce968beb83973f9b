using System.Net;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Remote.Serving.Internal;
using EvalKit.Remote.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvalKit.Remote.Serving;

/// <summary>
/// An OpenAI-compatible HTTP endpoint over any <see cref="IModelBackend"/> (ASP.NET Core minimal APIs):
/// <c>POST /v1/completions</c>, <c>POST /v1/chat/completions</c> (whole or streamed as server-sent events, usage
/// included) and <c>GET /v1/models</c>. Requests are served concurrently; the backend decides how they share the
/// model. The server does not own the backend: dispose the backend after the server.
/// </summary>
public sealed class OpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OpenAiServer(WebApplication app, Uri baseAddress, string modelName)
    {
        _app = app;
        BaseAddress = baseAddress;
        ModelName = modelName;
    }

    /// <summary>The API root clients use, e.g. <c>http://127.0.0.1:8080/v1</c> (with the port actually bound).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The model name requests must carry.</summary>
    public string ModelName { get; }

    /// <exception cref="EvalKitException">The host is not an IP address or localhost, or the port is taken.</exception>
    public static async Task<OpenAiServer> StartAsync(IModelBackend backend, OpenAiServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        var address = ParseHost(options.Host);
        var modelName = options.ModelName ?? backend.Info.Name;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        var app = builder.Build();
        var handler = new CompletionHandler(backend, modelName);
        app.MapGet("/v1/models", () => Results.Json(new ServerResponses(modelName, chat: false).Models(), WireJson.Default.WireModels));
        app.MapPost("/v1/completions", (HttpContext http) => handler.HandleAsync(http, chat: false));
        app.MapPost("/v1/chat/completions", (HttpContext http) => handler.HandleAsync(http, chat: true));
        app.MapFallback((HttpContext http) =>
            new ApiError(StatusCodes.Status404NotFound, $"Unknown path {http.Request.Method} {http.Request.Path}; this server offers /v1/completions, /v1/chat/completions and /v1/models.")
                .WriteAsync(http.Response));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or AddressInUseException)
        {
            await app.DisposeAsync();
            throw new EvalKitException($"Cannot listen on {options.Host}:{options.Port}: {ex.Message}",
                "Pick another port with --port (or stop whatever uses this one).", ErrorKind.RuntimeFailure, ex);
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpenAiServer(app, new Uri(bound.TrimEnd('/') + "/v1"), modelName);
    }

    /// <summary>Completes when the server stops (after <see cref="DisposeAsync"/>) or <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IPAddress ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address)
            ? address
            : throw Errors.BadOption("--host", host, "Use an IP address to listen on: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every interface).");
    }
}
