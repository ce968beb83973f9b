using EvalKit.Core.Backends;
using EvalKit.Llama.Tests.Backend;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Backend;

/// <summary>The backend contract, run over HTTP: OpenAiBackend → evalkit's own server → llama.cpp on stories260K.</summary>
public sealed class OpenAiBackendContractTests(ServedStoriesFixture served)
    : BackendContractTests, IClassFixture<ServedStoriesFixture>
{
    protected override IModelBackend Backend => served.Remote;
}
