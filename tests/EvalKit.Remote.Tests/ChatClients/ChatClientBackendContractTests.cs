using EvalKit.Core.Backends;
using EvalKit.Llama.Tests.Backend;
using EvalKit.Remote.ChatClients;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.ChatClients;

/// <summary>
/// The backend contract, run through both adapters: llama.cpp on stories260K → <see cref="BackendChatClient"/> →
/// <see cref="ChatClientBackend"/>. Whatever an IChatClient can carry (text, usage, finish reason, cancellation)
/// survives the round trip; timings are measured again on the outer side.
/// </summary>
public sealed class ChatClientBackendContractTests(ServedStoriesFixture served)
    : BackendContractTests, IClassFixture<ServedStoriesFixture>
{
    protected override IModelBackend Backend => served.Local.AsChatClient().AsBackend();
}
