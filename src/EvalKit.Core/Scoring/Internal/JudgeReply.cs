using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Reads a judge's reply: the first <c>LABEL: x</c> line and the first <c>REASON: ...</c> line, tolerating case,
/// markdown bold, a full-width colon and text around them; closed <c>&lt;think&gt;</c> blocks are skipped. A label
/// outside the allowed ones (correct / incorrect / refused unless the rubric says otherwise), or no label at all,
/// is <c>unknown</c>.
/// </summary>
internal static partial class JudgeReply
{
    private static readonly string[] _labels = [ScoreLabel.Correct, ScoreLabel.Incorrect, ScoreLabel.Refused];

    /// <param name="labels">The labels allowed; correct, incorrect and refused when null.</param>
    public static (string Label, string Reason) Parse(string raw, IReadOnlyList<string>? labels = null)
    {
        labels ??= _labels;
        var text = Thinking.Replace(raw, "");
        var label = Label.Match(text);
        var reason = Reason.Match(text) is { Success: true } r ? r.Groups["reason"].Value.Trim() : null;
        if (!label.Success)
            return (ScoreLabel.Unknown, $"judge reply has no 'LABEL:' line: {ReasonText.Quote(raw.Trim())}");
        var value = label.Groups["label"].Value.ToLowerInvariant();
        if (!labels.Contains(value))
            return (ScoreLabel.Unknown, $"judge gave label {ReasonText.Quote(value)}, not {string.Join(", ", labels.SkipLast(1))} or {labels[^1]}");
        return (value, string.IsNullOrEmpty(reason) ? "judge gave no reason" : reason);
    }

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Thinking { get; }

    [GeneratedRegex(@"^[ \t>*_#-]*LABEL[*_ \t]*[:：][ \t*_""'`]*(?<label>[A-Za-z_-]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Label { get; }

    [GeneratedRegex(@"^[ \t>*_#-]*REASON[*_ \t]*[:：][ \t*_]*(?<reason>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Reason { get; }
}
