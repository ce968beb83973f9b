using System.Text;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>The multiple-choice prompt lm-evaluation-harness uses: the question, one lettered line per choice, "Answer:".</summary>
internal static class ChoicePrompt
{
    public static string Format(string question, IReadOnlyList<string> choices)
    {
        var text = new StringBuilder(question.TrimEnd()).Append('\n');
        for (var i = 0; i < choices.Count; i++)
            text.Append(Letter(i)).Append(". ").Append(choices[i]).Append('\n');
        return text.Append("Answer:").ToString();
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    /// <summary>The letter for a choice index; a row with more than 26 choices is a row problem.</summary>
    public static string CheckedLetter(int index, int count) =>
        count is >= 2 and <= 26 && index >= 0 && index < count
            ? Letter(index)
            : throw new RowException(count is < 2 or > 26
                ? $"{count} choices; a multiple-choice case needs 2 to 26"
                : $"the answer index {index} is outside the {count} choices");
}
