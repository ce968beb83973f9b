namespace EvalKit.Core.Results.Internal;

/// <summary>JSON-lines files EvalKit appends to (samples, judgements) share this repair.</summary>
internal static class TornLine
{
    /// <summary>A process killed mid-write leaves a line without its newline; cut it so the next append starts clean.</summary>
    public static void Drop(FileStream stream)
    {
        var length = stream.Length;
        var position = length;
        var buffer = new byte[1];
        while (position > 0)
        {
            stream.Seek(position - 1, SeekOrigin.Begin);
            stream.ReadExactly(buffer);
            if (buffer[0] == (byte)'\n')
                break;
            position--;
        }
        if (position != length)
            stream.SetLength(position);
    }
}
