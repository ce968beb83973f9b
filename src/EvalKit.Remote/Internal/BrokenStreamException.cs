namespace EvalKit.Remote.Internal;

/// <summary>The stream ended before the server said it was done, or sent something that is not a valid chunk.</summary>
internal sealed class BrokenStreamException(string message, Exception? inner = null) : IOException(message, inner)
{
}
