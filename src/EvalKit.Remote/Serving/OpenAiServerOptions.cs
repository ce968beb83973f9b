namespace EvalKit.Remote.Serving;

/// <summary>Where <see cref="OpenAiServer"/> listens and the model name it answers to.</summary>
public sealed record OpenAiServerOptions
{
    /// <summary>An IP address to listen on, or <c>localhost</c>. The default, loopback, is reachable from this machine only.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (see <see cref="OpenAiServer.BaseAddress"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The model name clients must send; defaults to the backend's <c>Info.Name</c>.</summary>
    public string? ModelName { get; init; }
}
