using EvalKit.Llama;
using EvalKit.Remote;
using EvalKit.Remote.Serving;

namespace EvalKit.TestSupport;

/// <summary>
/// stories260K loaded through llama.cpp and served by the real <see cref="OpenAiServer"/> (<c>evalkit serve</c>) on a
/// free loopback port, shared by the test classes of one project that need an endpoint (<c>IClassFixture</c>). Linked
/// into the test projects that reference EvalKit.Remote (see their .csproj).
/// </summary>
public sealed class ServedStoriesFixture : IAsyncLifetime
{
    public const string ModelName = "stories";

    private LlamaBackend? _local;
    private OpenAiServer? _server;
    private OpenAiBackend? _remote;

    public LlamaBackend Local => _local ?? throw new InvalidOperationException("The fixture is not initialised.");

    public OpenAiServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The server's <c>/v1</c> base address; the model is named <see cref="ModelName"/>.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>An <see cref="OpenAiBackend"/> pointed at the server.</summary>
    public OpenAiBackend Remote => _remote ?? throw new InvalidOperationException("The fixture is not initialised.");

    public static LlamaModelOptions LocalOptions => new(SharedAssets.Stories260K) { Name = ModelName, Threads = 1, ContextSize = 256 };

    public OpenAiBackendOptions RemoteOptions => new(Server.BaseAddress, ModelName) { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(5) };

    public async Task InitializeAsync()
    {
        _local = await LlamaBackend.LoadAsync(LocalOptions);
        _server = await OpenAiServer.StartAsync(_local, new OpenAiServerOptions { Port = 0 });
        _remote = OpenAiBackend.Create(RemoteOptions);
    }

    public async Task DisposeAsync()
    {
        if (_remote is not null)
            await _remote.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
        if (_local is not null)
            await _local.DisposeAsync();
    }
}
