namespace EvalKit.Remote.Internal;

/// <summary>
/// <c>text_offset</c> in OpenAI-style log-probabilities counts code points (servers written in Python index their
/// strings so); .NET strings index UTF-16 code units. The two differ after any character outside the BMP.
/// </summary>
internal static class TextOffsets
{
    public static int ToCodePoints(string text, int utf16Offset)
    {
        var clamped = Math.Clamp(utf16Offset, 0, text.Length);
        var (index, codePoints) = (0, 0);
        while (index < clamped)
        {
            var step = char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
            if (index + step > clamped)
                break; // an offset inside a surrogate pair counts as the pair's start
            index += step;
            codePoints++;
        }
        return codePoints;
    }

    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }
}
