namespace EvalKit.Remote.Wire;

/// <summary>One server-sent event of a streamed answer: a chunk, or the end marker <c>data: [DONE]</c> (<see cref="Chunk"/> null).</summary>
public readonly record struct WireEvent(WireResponse? Chunk)
{
    public static WireEvent Done => default;

    public bool IsDone => Chunk is null;
}
