using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;
using EvalKit.Datasets.Internal;

namespace EvalKit.Datasets;

/// <summary>
/// <c>truthfulqa-mc1</c>: TruthfulQA's <c>mc_task.json</c> (one JSON array of <c>{question, mc1_targets,
/// mc2_targets}</c>) as MC1: the <c>mc1_targets</c> options, in an order fixed by a hash of their text (the file lists
/// the correct one first), with the one marked 1 as the answer. <c>mc2_targets</c> is kept as JSON metadata for MC2.
/// </summary>
public sealed class TruthfulQaMcImporter : JsonArrayRowImporter
{
    public override string Format => "truthfulqa-mc1";

    public override string Description => "TruthfulQA mc_task.json (JSON array {question, mc1_targets, mc2_targets}) as MC1.";

    public override SuiteKind Kind => SuiteKind.Hallucination;

    public override ScorerSpec Scorer { get; } = new("choice", new Dictionary<string, string>());

    private protected override EvalCase Map(long number, JsonRow row)
    {
        var question = row.Text("question").Trim();
        var targets = row.Object("mc1_targets").EnumerateObject().ToList();
        var correct = targets.Where(t => t.Value.ValueKind == JsonValueKind.Number && t.Value.GetRawText() == "1").ToList();
        if (correct.Count != 1)
            throw new RowException($"mc1_targets must mark exactly one answer with 1, found {correct.Count}");
        var choices = StableOrder.Shuffle(question, targets.Select(t => t.Name).Distinct());
        var metadata = new Dictionary<string, string>();
        if (row.Find("mc2_targets") is { ValueKind: JsonValueKind.Object } mc2)
            metadata["mc2_targets"] = mc2.GetRawText();
        return new EvalCase
        {
            Id = $"truthfulqa-mc1-{number}",
            Prompt = ChoicePrompt.Format($"Q: {question}", choices),
            Choices = choices,
            Answer = ChoicePrompt.CheckedLetter(choices.ToList().IndexOf(correct[0].Name), choices.Count),
            Metadata = metadata,
        };
    }
}
