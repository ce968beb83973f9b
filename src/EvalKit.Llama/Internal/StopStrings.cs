namespace EvalKit.Llama.Internal;

/// <summary>Finds where generated text must be cut because it contains a stop string.</summary>
internal static class StopStrings
{
    /// <summary>
    /// The index of the earliest stop string in <paramref name="text"/> that ends at or after
    /// <paramref name="newFrom"/> (where the newly decoded text starts), or -1. Empty stop strings are ignored.
    /// </summary>
    public static int FindEarliest(string text, IReadOnlyList<string> stops, int newFrom)
    {
        var earliest = -1;
        foreach (var stop in stops)
        {
            if (stop.Length == 0)
                continue;
            var start = Math.Max(0, newFrom - stop.Length + 1);
            var at = text.IndexOf(stop, start, StringComparison.Ordinal);
            if (at >= 0 && (earliest < 0 || at < earliest))
                earliest = at;
        }
        return earliest;
    }
}
