namespace EvalKit.Remote.Internal;

/// <summary>The server stopped sending stream chunks for longer than the idle timeout.</summary>
internal sealed class StreamStalledException(TimeSpan idle)
    : TimeoutException($"the stream stalled: nothing arrived for {idle.TotalSeconds:0.###} s")
{
}
