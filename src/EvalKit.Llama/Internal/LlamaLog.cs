using System.Text;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Receives llama.cpp's log instead of the console and keeps its last lines, so a load or decode
/// error can quote what llama.cpp said. llama.cpp sends lines in pieces; pieces are joined until a newline.
/// </summary>
internal static class LlamaLog
{
    private const int Capacity = 200;
    private static readonly Lock _lock = new();
    private static readonly Queue<string> _lines = new();
    private static readonly StringBuilder _pending = new();
    private static long _total;

    public static void Receive(LLamaLogLevel level, string message)
    {
        if (level == LLamaLogLevel.Debug)
            return;
        lock (_lock)
        {
            if (level != LLamaLogLevel.Continue && _pending.Length > 0)
                Flush();
            _pending.Append(message);
            if (message.EndsWith('\n'))
                Flush();
        }
    }

    /// <summary>A position in the log; pass it to <see cref="Since"/> to get what was logged after it.</summary>
    public static long Mark()
    {
        lock (_lock)
            return _total;
    }

    /// <summary>At most the last <paramref name="count"/> lines logged since <paramref name="mark"/>, oldest first.</summary>
    public static IReadOnlyList<string> Since(long mark, int count)
    {
        lock (_lock)
        {
            var lines = _lines.Skip(_lines.Count - (int)Math.Min(_lines.Count, _total - mark)).ToList();
            if (_pending.Length > 0)
                lines.Add(_pending.ToString().TrimEnd());
            return lines.Skip(Math.Max(0, lines.Count - count)).ToList();
        }
    }

    /// <summary>The last <paramref name="count"/> lines kept, oldest first.</summary>
    public static IReadOnlyList<string> Tail(int count) => Since(0, count);

    private static void Flush()
    {
        var line = _pending.ToString().TrimEnd();
        _pending.Clear();
        if (line.Length == 0)
            return;
        _lines.Enqueue(line);
        _total++;
        if (_lines.Count > Capacity)
            _lines.Dequeue();
    }
}
