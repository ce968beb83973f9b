using EvalKit.Core.Backends;
using Microsoft.Extensions.AI;

namespace EvalKit.Remote.ChatClients;

/// <summary>Adapters between EvalKit backends and Microsoft.Extensions.AI chat clients, both ways.</summary>
public static class ChatClientExtensions
{
    /// <summary>The backend as an <see cref="IChatClient"/> (<see cref="BackendChatClient"/>); it does not own the backend.</summary>
    public static IChatClient AsChatClient(this IModelBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new BackendChatClient(backend);
    }

    /// <summary>The chat client as a backend to evaluate (<see cref="ChatClientBackend"/>); it does not own the client.</summary>
    public static IModelBackend AsBackend(this IChatClient client, string? name = null) => new ChatClientBackend(client, name);
}
