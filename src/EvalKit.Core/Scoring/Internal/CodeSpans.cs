namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Where a reply holds code: fenced blocks (a <c>```</c> with a later closing <c>```</c>) and inline spans
/// (<c>`…`</c> on one line). An unmatched fence is not code, so a truncated block cannot hide the rest of the text.
/// </summary>
internal sealed class CodeSpans
{
    private const string Fence = "```";

    private readonly List<(int Start, int End)> _spans = [];

    private CodeSpans()
    {
    }

    public static CodeSpans Find(string text)
    {
        var spans = new CodeSpans();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, Fence, 0, Fence.Length) == 0)
            {
                var end = text.IndexOf(Fence, i + Fence.Length, StringComparison.Ordinal);
                if (end < 0)
                    break;
                spans._spans.Add((i, end + Fence.Length));
                i = end + Fence.Length;
            }
            else if (text[i] == '`' && InlineEnd(text, i) is var close and > 0)
            {
                spans._spans.Add((i, close + 1));
                i = close + 1;
            }
            else
                i++;
        }
        return spans;
    }

    /// <summary>True when <paramref name="index"/> falls inside code.</summary>
    public bool Contains(int index)
    {
        // Spans are sorted and disjoint: find the last one starting at or before index.
        var (low, high) = (0, _spans.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_spans[middle].Start <= index)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return high >= 0 && index < _spans[high].End;
    }

    private static int InlineEnd(string text, int open)
    {
        for (var j = open + 1; j < text.Length && text[j] != '\n'; j++)
        {
            if (text[j] == '`')
                return j;
        }
        return -1;
    }
}
