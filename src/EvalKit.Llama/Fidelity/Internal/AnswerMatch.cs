using System.Globalization;
using System.Text;

namespace EvalKit.Llama.Fidelity.Internal;

/// <summary>
/// Answer-level agreement: the same extracted answer when the case's scorer extracts one from both replies, else the
/// same text after normalisation (Unicode NFKC, case folded, whitespace runs collapsed, surrounding whitespace,
/// quotes and final punctuation dropped).
/// </summary>
internal static class AnswerMatch
{
    public static bool Same(string teacher, string student, Func<string, string?>? extract)
    {
        if (extract?.Invoke(teacher) is { } a && extract(student) is { } b)
            return string.Equals(a, b, StringComparison.Ordinal);
        return string.Equals(Normalise(teacher), Normalise(student), StringComparison.Ordinal);
    }

    public static string Normalise(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var collapsed = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Trim('"', '\'', '“', '”', '‘', '’', '.', '!', '?', ',', ';', ':', ' ');
    }
}
