using EvalKit.Llama;
using EvalKit.Remote.Serving;
using EvalKit.TestSupport;

namespace EvalKit.Bench.Tests.Load;

/// <summary>stories260K through llama.cpp, served by the real <see cref="OpenAiServer"/> (<c>evalkit serve</c>) on a free loopback port.</summary>
public sealed class StoriesServer : IAsyncLifetime
{
    public const string ModelName = "stories";

    private LlamaBackend? _backend;
    private OpenAiServer? _server;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        _backend = await LlamaBackend.LoadAsync(new LlamaModelOptions(SharedAssets.Stories260K) { Name = ModelName, Threads = 1, ContextSize = 256 });
        _server = await OpenAiServer.StartAsync(_backend, new OpenAiServerOptions { Port = 0 });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}
