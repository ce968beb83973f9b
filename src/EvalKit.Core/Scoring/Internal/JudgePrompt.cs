using System.Text;
using System.Text.RegularExpressions;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Fills a rubric's <c>{{question}}</c>, <c>{{expected}}</c> and <c>{{answer}}</c> for one case and answer, in one
/// pass, so placeholder-like text inside the answer or question is left as written.
/// </summary>
internal static partial class JudgePrompt
{
    public static string Fill(string rubric, EvalCase evalCase, string answer) =>
        Placeholder.Replace(rubric, match => match.Groups["name"].Value switch
        {
            "question" => Question(evalCase),
            "expected" => Expected(evalCase),
            _ => answer,
        });

    [GeneratedRegex(@"\{\{(?<name>question|expected|answer)\}\}")]
    private static partial Regex Placeholder { get; }

    private static string Question(EvalCase evalCase)
    {
        if (evalCase.Prompt is not null)
            return evalCase.Prompt;
        var text = new StringBuilder();
        foreach (var message in evalCase.Messages ?? [])
            text.Append(message.Role).Append(": ").Append(message.Content).Append('\n');
        for (var i = 0; i < evalCase.Choices.Count; i++)
            text.Append((char)('A' + i)).Append(") ").Append(evalCase.Choices[i]).Append('\n');
        return text.ToString().TrimEnd();
    }

    private static string Expected(EvalCase evalCase)
    {
        if (CaseRequirements.AnswerLetter(evalCase) is { } letter)
            return $"{letter}) {evalCase.Choices[letter - 'A']}";
        return evalCase.Expected.Count > 0 ? string.Join(" | ", evalCase.Expected) : "(none given)";
    }
}
