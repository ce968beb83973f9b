using System.Globalization;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>A number found in a reply, and where it was found ("after ####", "after 'answer is'", "last number").</summary>
internal sealed record AnswerNumber(double Value, string Where)
{
    public string Text => Value.ToString(CultureInfo.InvariantCulture);
}
