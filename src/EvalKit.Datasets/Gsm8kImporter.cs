using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>gsm8k</c>: GSM8K JSON Lines, <c>{question, answer}</c>. The expected answer is the number after <c>####</c> on
/// the worked solution's last line, commas removed; the solution itself is kept as metadata.
/// </summary>
public sealed class Gsm8kImporter : JsonRowImporter, IFewShotSource
{
    string IFewShotSource.FewShotSplit => "the train split (train.jsonl beside the test file, as upstream ships it)";

    public override string Format => "gsm8k";

    public override string Description => "GSM8K JSON Lines {question, answer}; the gold number follows '####'.";

    public override SuiteKind Kind => SuiteKind.Accuracy;

    public override ScorerSpec Scorer { get; } = new("numeric", new Dictionary<string, string>());

    string? IFewShotSource.FewShotPool(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "train.jsonl");

    // lm-evaluation-harness's gsm8k target: the whole worked solution, ending "#### N".
    string IFewShotSource.Target(EvalCase example) => example.Metadata["solution"];

    private protected override EvalCase Map(JsonRow row)
    {
        var question = row.Text("question");
        var solution = row.Text("answer");
        var marker = solution.LastIndexOf("####", StringComparison.Ordinal);
        var gold = marker < 0 ? "" : solution[(marker + 4)..].Trim().Replace(",", "");
        if (gold.Length == 0)
            throw new RowException("'answer' does not end with '#### <number>'");
        return new EvalCase
        {
            Id = $"gsm8k-{row.Line}",
            Prompt = $"Question: {question}\nAnswer:",
            Expected = [gold],
            Metadata = new Dictionary<string, string> { ["solution"] = solution },
        };
    }
}
